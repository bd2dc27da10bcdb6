using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Ingestion.Formats;

/// <summary>The sheet of a workbook chosen with <c>import --sheet</c>, loaded by the real command into the real database.</summary>
[Trait("Tier", "database")]
public sealed class ExcelSheetImportTests : IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    [Fact]
    public async Task Import_sheetChosen_loadsThatSheet_andTheUploadRecordsIt()
    {
        var book = TwoSheetWorkbook.Write(_pipeline.Folder, "");

        var result = await _pipeline.ImportAsync(book, "--sheet", "july");

        var line = result.Lines.Single();
        Assert.Equal((0, "loaded", 2L), (result.Exit, line.GetProperty("status").GetString(), line.GetProperty("accepted").GetInt64()));
        Assert.Equal("July", line.GetProperty("sheet").GetString());
        Assert.Equal(TwoSheetWorkbook.July(""), await _pipeline.Database.ScalarAsync<string>(TwoSheetWorkbook.Sales));
        Assert.Equal("July|July", await _pipeline.Database.ScalarAsync<string>("SELECT requested_sheet || '|' || excel_sheet FROM uploads"));
    }

    [Fact]
    public async Task Import_withoutASheet_loadsTheFirst_andTheOtherSheetOfTheSameWorkbookLoadsAfterIt()
    {
        var book = TwoSheetWorkbook.Write(_pipeline.Folder, "");

        var first = await _pipeline.ImportAsync(book);
        var again = await _pipeline.ImportAsync(book);
        var second = await _pipeline.ImportAsync(book, "--sheet", "2");

        Assert.Equal("June", first.Lines.Single().GetProperty("sheet").GetString());
        Assert.Equal("already_loaded", again.Lines.Single().GetProperty("status").GetString());
        Assert.Equal(("loaded", "July"), (second.Lines.Single().GetProperty("status").GetString(), second.Lines.Single().GetProperty("sheet").GetString()));
        Assert.Equal(TwoSheetWorkbook.June("") + "," + TwoSheetWorkbook.July(""), await _pipeline.Database.ScalarAsync<string>(TwoSheetWorkbook.Sales));
        Assert.Equal("-|June,July|July", await _pipeline.Database.ScalarAsync<string>(
            "SELECT string_agg(coalesce(requested_sheet, '-') || '|' || excel_sheet, ',' ORDER BY upload_id) FROM uploads"));
    }

    [Fact]
    public async Task Import_unknownSheet_isRefusedNamingTheWorkbooksSheets_andKeepsNothing()
    {
        var book = TwoSheetWorkbook.Write(_pipeline.Folder, "");

        var result = await _pipeline.ImportAsync(book, "--sheet", "August");

        var line = result.Lines.Single();
        Assert.Equal((1, "refused"), (result.Exit, line.GetProperty("status").GetString()));
        Assert.Contains("book.xlsx has no sheet 'August'. Its sheets: 'June', 'July'.", line.GetProperty("message").GetString());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_pipeline.Folder, "staging"), "*book*", SearchOption.AllDirectories));
        // Nothing lost: the workbook is still there, and the right sheet loads.
        Assert.Equal("loaded", (await _pipeline.ImportAsync(book, "--sheet", "June")).Lines.Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Import_sheetForAFileThatIsNoWorkbook_isRefusedSayingSo()
    {
        var csv = _pipeline.Write("day.csv", "Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01 10:00,2\n");

        var result = await _pipeline.ImportAsync(csv, "--sheet", "June");

        Assert.Equal(1, result.Exit);
        Assert.Contains("day.csv is not an Excel workbook", result.Lines.Single().GetProperty("message").GetString());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }
}
