using System.Diagnostics;
using RetailInsights.Core.Ingestion;
using RetailInsights.Core.Ingestion.Formats;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Ingestion.Formats;

/// <summary>Excel workbooks with the quirks of real ones, read by the same validation as CSV.</summary>
[Trait("Tier", "unit")]
public sealed class XlsxFileTests : IDisposable
{
    private static readonly object?[] Header = ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"];

    private readonly FileFixture _files = new();

    public void Dispose() => _files.Dispose();

    private string Workbook(string name, params (string Name, IEnumerable<object?[]> Rows)[] sheets)
    {
        var path = Path.Combine(Path.GetDirectoryName(_files.Write("probe.txt", "x"))!, name);
        XlsxWriter.Write(path, sheets);
        return path;
    }

    [Fact]
    public void ReadRows_realWorkbookQuirks_readDatesAndTextNumbers_skipBlankRows_andRejectTheTotalRow()
    {
        var path = Workbook("sales.xlsx", ("Sales", new object?[][]
        {
            Header,
            [536365, "85123A", "WHITE HANGING HEART", 6, new DateTime(2025, 7, 1, 8, 26, 0), 2.55, 17850, "United Kingdom"],
            // Numbers stored as text, as pasted from another system.
            [new TextCell("536366"), "22633", "HAND WARMER", new TextCell("3"), new DateTime(2025, 7, 1, 8, 28, 0), new TextCell("1.85"), new TextCell("13047"), "France"],
            [null, null, null, null, null, null, null, null],
            // A date cell that lost its date style: a bare serial number (2025-07-01 09:41:00).
            ["C536379", "D", "Discount", -1, 45839.403472222220, 27.5, 14527, "United Kingdom"],
            ["Total", null, null, 8, null, 31.9, null, null],
        }));

        var (reader, results) = FileFixture.Read(path);

        Assert.Equal(FileFormat.Xlsx, reader.Format);
        Assert.Equal("Sales", reader.Sheet);
        Assert.Equal(4, results.Count);
        var rows = results.Where(r => r.Row is not null).Select(r => (TransactionRow)r.Row!).ToList();
        Assert.Equal(("536365", 6, 2.55m, "17850", new DateTime(2025, 7, 1, 8, 26, 0)),
            (rows[0].Invoice, rows[0].Quantity, rows[0].UnitPrice, rows[0].CustomerId, rows[0].InvoicedAt));
        Assert.Equal(("536366", 3, 1.85m, "13047"), (rows[1].Invoice, rows[1].Quantity, rows[1].UnitPrice, rows[1].CustomerId));
        Assert.Equal(new DateTime(2025, 7, 1, 9, 41, 0), rows[2].InvoicedAt);
        Assert.Equal([2L, 3L, 5L], rows.Select(r => r.LineNumber));
        var total = Assert.Single(results, r => r.Rejected is not null).Rejected!;
        Assert.Equal((6L, RejectReasons.TotalRow), (total.LineNumber, Assert.Single(total.Reasons)));
        Assert.Equal("Total,,,8,,31.9,,", total.RawText);
        Assert.Equal(1L, reader.Statistics.RejectedByReason[RejectReasons.TotalRow]);
    }

    [Fact]
    public void Open_workbookOpeningOnANotesSheet_readsTheFirstSheetWhoseHeaderMaps()
    {
        var path = Workbook("book.xlsx",
            ("Read me", [["Exported from the till on 2025-07-02"], ["Figures in GBP"]]),
            ("Sales", [Header, [1, "A", "Apple", 2, new DateTime(2025, 7, 1, 10, 0, 0), 1.5, null, "UK"]]));

        var (reader, results) = FileFixture.Read(path);

        Assert.Equal("Sales", reader.Sheet);
        Assert.Equal("A", ((TransactionRow)Assert.Single(results).Row!).StockCode);
    }

    [Theory]
    [InlineData("Later", "B")]
    [InlineData("later", "B")]
    [InlineData("1", "A")]
    [InlineData("2", "B")]
    public void Open_chosenSheet_byNameOrNumber_readsThatSheet(string sheet, string expectedStockCode)
    {
        var path = Workbook("two.xlsx",
            ("Earlier", [Header, [1, "A", "Apple", 2, new DateTime(2025, 7, 1, 10, 0, 0), 1.5, null, "UK"]]),
            ("Later", [Header, [2, "B", "Pear", 1, new DateTime(2025, 7, 2, 10, 0, 0), 0.5, null, "UK"]]));

        var (_, results) = FileFixture.Read(path, new ReadOptions { Now = FileFixture.Now, Sheet = sheet });

        Assert.Equal(expectedStockCode, ((TransactionRow)Assert.Single(results).Row!).StockCode);
    }

    [Fact]
    public void Open_sheetsNamedAsNumbers_areChosenByTheirNamesFirst()
    {
        var path = Workbook("years.xlsx",
            ("2", [Header, [1, "A", "Apple", 2, new DateTime(2025, 7, 1, 10, 0, 0), 1.5, null, "UK"]]),
            ("1", [Header, [2, "B", "Pear", 1, new DateTime(2025, 7, 2, 10, 0, 0), 0.5, null, "UK"]]));

        var (reader, results) = FileFixture.Read(path, new ReadOptions { Now = FileFixture.Now, Sheet = "1" });

        Assert.Equal(("1", "B"), (reader.Sheet, ((TransactionRow)Assert.Single(results).Row!).StockCode));
        Assert.Equal(["2", "1"], WorkbookSheets.List(() => File.OpenRead(path), "years.xlsx", new ReadOptions { Now = FileFixture.Now }));
    }

    [Fact]
    public void Open_unknownSheet_isRefusedNamingTheSheets()
    {
        var path = Workbook("one.xlsx", ("Sales", [Header]));

        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(path, new ReadOptions { Now = FileFixture.Now, Sheet = "June" }));

        Assert.Contains("has no sheet 'June'. Its sheets: 'Sales'.", error.Message);
    }

    [Fact]
    public void Open_workbookThatIsAZipBomb_isRefusedBeforeItIsInflated()
    {
        var path = Path.Combine(Path.GetDirectoryName(_files.Write("probe.txt", "x"))!, "bomb.xlsx");
        XlsxWriter.Write(path, paddingBytes: 256L * 1024 * 1024, ("Sales", [Header]));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<FileRefusedException>(() =>
            FileFixture.Read(path, new ReadOptions { Now = FileFixture.Now, MaxDecompressedBytes = 64L * 1024 * 1024 }));

        Assert.True(new FileInfo(path).Length < 4 * 1024 * 1024, $"the bomb is {new FileInfo(path).Length:N0} bytes");
        Assert.Contains("decompresses to more than 64 MB", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused after {clock.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 8 * 1024 * 1024);
    }

    [Fact]
    public void Open_zipBombThatLiesAboutItsSize_isRefusedAtTheSizeItDeclares()
    {
        var path = Path.Combine(Path.GetDirectoryName(_files.Write("probe.txt", "x"))!, "liar.xlsx");
        XlsxWriter.Write(path, paddingBytes: 256L * 1024 * 1024, ("Sales", [Header, [1, "A", "Apple", 2, new DateTime(2025, 7, 1), 1.5, null, "UK"]]));
        DeclareSize(path, "xl/worksheets/sheet1.xml", 4096);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(path));

        // The archive reader stops the entry at the size it declares: the sheet's XML ends there, unclosed.
        Assert.Contains("is not a readable Excel workbook (Unexpected end of file", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused after {clock.Elapsed}");
    }

    // Rewrites an entry's uncompressed size in its local header and in the central directory, as a forged archive does.
    private static void DeclareSize(string path, string entryName, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var end = bytes.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]);
        var directory = (int)BitConverter.ToUInt32(bytes, end + 16);
        var entries = BitConverter.ToUInt16(bytes, end + 10);
        for (var i = 0; i < entries; i++)
        {
            var nameLength = BitConverter.ToUInt16(bytes, directory + 28);
            var name = System.Text.Encoding.UTF8.GetString(bytes, directory + 46, nameLength);
            if (name == entryName)
            {
                var local = (int)BitConverter.ToUInt32(bytes, directory + 42);
                BitConverter.TryWriteBytes(bytes.AsSpan(directory + 24), size);
                BitConverter.TryWriteBytes(bytes.AsSpan(local + 22), size);
            }
            directory += 46 + nameLength + BitConverter.ToUInt16(bytes, directory + 30) + BitConverter.ToUInt16(bytes, directory + 32);
        }
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void Open_textFileNamedXlsx_isRefused()
    {
        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(_files.Write("sales.xlsx", "Invoice,StockCode\n1,A\n")));

        Assert.Contains("is not an Excel workbook", error.Message);
    }
}
