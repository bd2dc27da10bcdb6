using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Components;
using RetailInsights.Tests.Web.Ingestion.Formats;
using RetailInsights.Web.Security;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>
/// A workbook of several sheets on the upload page, in bUnit on the real intake, database and loader: which sheet to
/// load is asked before anything is recorded, and the chosen one is the one loaded.
/// </summary>
[Trait("Tier", "database")]
public sealed class UploadsPageSheetTests : UploadPagesContext
{
    protected override (string User, string Role, string[] Policies) SignedIn => ("manager@test.local", Roles.Manager, [Policies.ManageUploads]);

    private async Task<IRenderedComponent<UploadsPage>> UploadAsync(string path)
    {
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(await File.ReadAllBytesAsync(path), Path.GetFileName(path)));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sheet-step")), TimeSpan.FromSeconds(15));
        return page;
    }

    /// <summary>What the Hangfire job does with the queued upload (no job server runs here).</summary>
    private async Task LoadQueuedAsync()
    {
        var id = await Pipeline.Database.ScalarAsync<long>("SELECT upload_id FROM uploads WHERE status = 'queued'");
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportUploadJob>().LoadAsync(id, CancellationToken.None);
    }

    [Fact]
    public async Task TwoSheetWorkbook_asksWhichSheet_andLoadsTheOneChosen()
    {
        var page = await UploadAsync(TwoSheetWorkbook.Write(Pipeline.Folder, ""));

        Assert.Contains("is a workbook of 2 sheets: choose the one to load below", page.Markup);
        Assert.Equal(["June", "July"], page.FindAll("#sheet-choice option").Select(o => o.TextContent));
        Assert.Equal("June", page.Find("#sheet-choice option[selected]").TextContent);
        Assert.Equal(0L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
        await page.ChangeNowAsync("#sheet-choice", "July");
        await page.ClickNowAsync("#load-sheet");

        page.WaitForAssertion(() => Assert.Contains("Queued as upload #", page.Markup), TimeSpan.FromSeconds(15));
        Assert.Empty(page.FindAll("#sheet-step"));
        await LoadQueuedAsync();
        Assert.Equal(TwoSheetWorkbook.July(""), await Pipeline.Database.ScalarAsync<string>(TwoSheetWorkbook.Sales));
        Assert.Equal("July|July|loaded", await Pipeline.Database.ScalarAsync<string>(
            "SELECT requested_sheet || '|' || excel_sheet || '|' || status FROM uploads"));
    }

    [Fact]
    public async Task WorkbookOpeningOnNotes_offersTheSheetALoadReads_andLoadsItWhenKept()
    {
        var path = Path.Combine(Pipeline.Folder, "notes-first.xlsx");
        XlsxWriter.Write(path,
            ("Read me", [["Exported from the till"]]),
            ("Sales", [["Invoice", "StockCode", "Quantity", "InvoiceDate", "Price", "StoreId"], ["N1", "A", 1, new DateTime(2025, 7, 1, 10, 0, 0), 2.0, "UK-01"]]));
        var page = await UploadAsync(path);

        Assert.Equal("Sales", page.Find("#sheet-choice option[selected]").TextContent);
        await page.ClickNowAsync("#load-sheet");

        page.WaitForAssertion(() => Assert.Contains("Queued as upload #", page.Markup), TimeSpan.FromSeconds(15));
        await LoadQueuedAsync();
        Assert.Equal("N1:A", await Pipeline.Database.ScalarAsync<string>(TwoSheetWorkbook.Sales));
    }

    [Fact]
    public async Task OneSheetWorkbook_isQueuedWithoutAsking()
    {
        var path = Path.Combine(Pipeline.Folder, "one.xlsx");
        XlsxWriter.Write(path, ("Sales", [["Invoice", "StockCode", "Quantity", "InvoiceDate", "Price", "StoreId"], ["O1", "A", 1, new DateTime(2025, 7, 1, 10, 0, 0), 2.0, "UK-01"]]));
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(await File.ReadAllBytesAsync(path), "one.xlsx"));

        page.WaitForAssertion(() => Assert.Contains("Queued as upload #", page.Markup), TimeSpan.FromSeconds(15));
        Assert.Empty(page.FindAll("#sheet-step"));
        await LoadQueuedAsync();
        Assert.Equal("O1:A", await Pipeline.Database.ScalarAsync<string>(TwoSheetWorkbook.Sales));
        Assert.Equal("-|Sales", await Pipeline.Database.ScalarAsync<string>("SELECT coalesce(requested_sheet, '-') || '|' || excel_sheet FROM uploads"));
    }

    [Fact]
    public async Task NotLoadingTheWorkbook_removesItsStagedCopy_andRecordsNothing()
    {
        var page = await UploadAsync(TwoSheetWorkbook.Write(Pipeline.Folder, "", "unwanted.xlsx"));

        await page.ClickNowAsync("#cancel-sheet");

        page.WaitForAssertion(() => Assert.Contains("not loaded: no sheet was chosen", page.Markup));
        Assert.Empty(page.FindAll("#sheet-step"));
        Assert.Empty(Directory.GetFiles(Path.Combine(Pipeline.Folder, "staging"), "*unwanted*", SearchOption.AllDirectories));
        Assert.Equal(0L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }

    [Fact]
    public async Task AWorkbookWithTheGapBombSheet_isNotReadWithoutEnd_andItsLoadRefusesIt()
    {
        var path = Path.Combine(Pipeline.Folder, "notes-and-bomb.xlsx");
        Support.Hostile.RawWorkbook.Write(path, [
            ("Notes", Support.Hostile.RawWorkbook.Sheet("<row r=\"1\">" + Support.Hostile.RawWorkbook.Text("A1", "Exported") + "</row>")),
            ("Data", Support.Hostile.RawWorkbook.Sheet(Support.Hostile.RawWorkbook.SalesHeader().Replace("</row>", "<c r=\"XFD1\"/></row>") +
                "<row r=\"2147483647\"><c r=\"A2147483647\"><v>1</v></c></row>")),
        ]);
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(await File.ReadAllBytesAsync(path), "notes-and-bomb.xlsx"));
        page.WaitForAssertion(() => Assert.Contains("Queued as upload #", page.Markup), TimeSpan.FromSeconds(15));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"queued after {clock.Elapsed.TotalSeconds:F1} s");
        await LoadQueuedAsync();
        Assert.Contains("spans 16,384 columns, more than the 1,024", await Pipeline.Database.ScalarAsync<string>(
            "SELECT status || ': ' || error_text FROM uploads"));
        Assert.StartsWith("refused", await Pipeline.Database.ScalarAsync<string>("SELECT status FROM uploads"));
    }
}
