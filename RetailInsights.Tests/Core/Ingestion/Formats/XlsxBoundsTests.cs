using System.Diagnostics;
using RetailInsights.Core.Ingestion;
using RetailInsights.Core.Ingestion.Formats;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Support.Hostile;
using static RetailInsights.Tests.Support.Hostile.RawWorkbook;

namespace RetailInsights.Tests.Core.Ingestion.Formats;

/// <summary>
/// A workbook's work is bounded by its row numbers, width and cells, not its bytes: the sheets that would have the
/// reader walk billions of blank cells are refused naming the limit, quickly, by every reader of a file.
/// </summary>
[Trait("Tier", "unit")]
public sealed class XlsxBoundsTests : IDisposable
{
    private readonly FileFixture _files = new();

    public void Dispose() => _files.Dispose();

    private static ReadOptions Options => new() { Now = FileFixture.Now };

    private string Book(string name, string sheetXml)
    {
        var path = _files.WriteBytes(name, []);
        RawWorkbook.Write(path, [("Sheet1", sheetXml)]);
        return path;
    }

    private static FileRefusedException RefusedQuickly(Action read)
    {
        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<FileRefusedException>(read);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused after {clock.Elapsed.TotalSeconds:F1} s");
        return refused;
    }

    [Fact]
    public void TheIssuesGapBomb_isRefusedByTheLoadThePreviewAndTheSheetList_inUnderFiveSeconds()
    {
        var path = _files.WriteBytes("bomb.xlsx", []);
        HostileWorkbooks.WriteGapBomb(path);
        Assert.True(new FileInfo(path).Length < 2048);

        var load = RefusedQuickly(() => FileFixture.Read(path, Options));
        var preview = RefusedQuickly(() => FilePreview.Read(() => File.OpenRead(path), "bomb.xlsx", 20, Options));
        var chosen = RefusedQuickly(() => FilePreview.Read(() => File.OpenRead(path), "bomb.xlsx", 20, Options with { Sheet = "Sheet1" }));

        foreach (var refused in new[] { load, preview, chosen })
            Assert.Contains("16,384 columns, more than the 1,024 columns", refused.Message);
        Assert.Equal(["Sheet1"], WorkbookSheets.List(() => File.OpenRead(path), "bomb.xlsx", Options));
    }

    [Fact]
    public void ARowNumberPastTheLimit_isRefusedNamingTheLimit_evenWhenTheSheetIsNarrow()
    {
        var path = Book("far.xlsx", Sheet(SalesHeader() + SaleRow(2) + SaleRow(2_147_483_647)));

        var refused = RefusedQuickly(() => FileFixture.Read(path, Options));

        Assert.Contains("uses row 1,048,577, past the 1,048,576 rows a sheet may use (Ingestion:MaxExcelRows)", refused.Message);
    }

    [Fact]
    public void ALowerRowLimit_refusesEarlier_andARowWithinItLoads()
    {
        var path = Book("rows.xlsx", Sheet(SalesHeader() + SaleRow(2) + SaleRow(500)));

        Assert.Equal(2, FileFixture.Read(path, Options with { MaxExcelRows = 500 }).Results.Count(r => r.Row is not null));
        var refused = RefusedQuickly(() => FileFixture.Read(path, Options with { MaxExcelRows = 499 }));
        Assert.Contains("uses row 500, past the 499 rows", refused.Message);
    }

    [Fact]
    public void ADeclaredDimensionPastTheLimits_isRefusedBeforeARowIsRead()
    {
        var rows = RefusedQuickly(() => FileFixture.Read(Book("dim-rows.xlsx", Sheet(SalesHeader() + SaleRow(2), "A1:F2000000")), Options));
        var columns = RefusedQuickly(() => WorkbookSheets.List(() => File.OpenRead(Book("dim-cols.xlsx", Sheet(SalesHeader(), "A1:XFD3"))),
            "dim-cols.xlsx", Options));

        Assert.Contains("declares cells down to row 2,000,000, past the 1,048,576 rows", rows.Message);
        Assert.Contains("declares cells across 16,384 columns, more than the 1,024", columns.Message);
    }

    [Fact]
    public void FewValuesSpreadFarApart_areRefusedByTheCellLimit_beforeTheBlankCellsAreWalked()
    {
        // 1,000,000 rows down and 1,024 columns wide: a billion blank cells within both the row and the column limit.
        var path = Book("spread.xlsx", Sheet(SalesHeader().Replace("</row>", "<c r=\"AMJ1\"/></row>") + SaleRow(1_000_000)));

        var refused = RefusedQuickly(() => FileFixture.Read(path, Options with { MaxExcelCells = 10_000_000 }));

        Assert.Contains("span more than 10,000,000 cells, blank ones included (Ingestion:MaxExcelCells)", refused.Message);
    }

    [Fact]
    public void AHeaderWiderThanTheFieldCap_isRefusedInEveryFormat()
    {
        var header = string.Join(",", Enumerable.Range(0, 1025).Select(i => $"c{i}"));
        var csv = RefusedQuickly(() => _files.ReadText(header + "\n1\n"));
        Assert.Contains("its header has 1,025 columns, more than the 1,024", csv.Message);
    }

    [Fact]
    public void ACancelledRead_stopsInsideABlankStretch_ratherThanWalkingItThrough()
    {
        // Within every limit but slow to walk: only the token stops it.
        var path = Book("slow.xlsx", Sheet(SalesHeader().Replace("</row>", "<c r=\"AMJ1\"/></row>") + SaleRow(1_000_000)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var options = Options with { MaxExcelCells = long.MaxValue, Cancellation = cancel.Token };

        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => FileFixture.Read(path, options));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"stopped after {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void ACancelledRead_stopsACsvOfBlankLinesToo()
    {
        var path = _files.Write("blank.csv", "Invoice,StockCode,Quantity,InvoiceDate,Price,StoreId\n" + new string('\n', 50_000_000));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => FileFixture.Read(path, Options with { Cancellation = cancel.Token }));
    }

    [Theory]
    [InlineData("A1:XFD1048576", 1_048_576L, 16_384L)]
    [InlineData("B2", 2L, 2L)]
    [InlineData("!!!", 0L, 0L)]
    [InlineData("", 0L, 0L)]
    [InlineData("A1:ZZZZZZZZ9", 9L, null)]
    public void LastCell_readsTheRangesEnd_andStopsCountingPastAnyLimit(string range, long row, long? column)
    {
        var (lastRow, lastColumn) = XlsxRecordTable.LastCell(range);

        Assert.Equal(row, lastRow);
        if (column is { } exact)
            Assert.Equal(exact, lastColumn);
        else
            Assert.InRange(lastColumn, int.MaxValue + 1L, 26L * int.MaxValue + 26);
    }
}
