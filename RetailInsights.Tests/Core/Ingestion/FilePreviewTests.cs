using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using RetailInsights.Core.Ingestion;
using RetailInsights.Core.Ingestion.Formats;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Ingestion;

/// <summary>
/// The mapping step's preview of real files in every format, and its sample check judged against the real load of the
/// same file under the same mapping.
/// </summary>
[Trait("Tier", "unit")]
public sealed class FilePreviewTests : IDisposable
{
    // A German till's names: none of them is a usual name or alias, so no header of these maps by itself.
    private static readonly ColumnMapping German = new()
    {
        Columns = new Dictionary<string, string>
        {
            ["bon"] = "Invoice", ["artikel"] = "StockCode", ["menge"] = "Quantity", ["verkauft_am"] = "InvoiceDate", ["preis"] = "Price",
            ["kunde"] = "Customer ID",
        },
    };

    private readonly FileFixture _files = new();

    public void Dispose() => _files.Dispose();

    private static FilePreview Preview(string path, string? sheet = null, ReadOptions? options = null) =>
        FilePreview.Read(() => File.OpenRead(path), Path.GetFileName(path), 20, (options ?? new ReadOptions { Now = FileFixture.Now }) with { Sheet = sheet });

    private static string Record(int i, string? customer = "K1") =>
        $$"""{"bon":"B{{i}}","artikel":"A{{i % 4}}","menge":{{1 + i % 3}},"verkauft_am":"2025-07-01 10:{{i % 60:00}}","preis":2.5{{(customer is null ? "" : $",\"kunde\":\"{customer}\"")}}}""";

    private string Workbook(string name, params (string Name, IEnumerable<object?[]> Rows)[] sheets)
    {
        var path = Path.Combine(Path.GetDirectoryName(_files.Write("probe.txt", "x"))!, name);
        XlsxWriter.Write(path, sheets);
        return path;
    }

    [Fact]
    public void Read_jsonArrayOfUnmappableKeys_givesItsKeysAndItsFirst20Records()
    {
        // The third record is the first to name a customer: the header is the union of the keys, in the order first met.
        var records = Enumerable.Range(1, 30).Select(i => Record(i, i < 3 ? null : "K" + i)).ToList();
        var path = _files.Write("sales.json", "[\n" + string.Join(",\n", records) + "\n]");

        var preview = Preview(path);

        Assert.Equal(FileFormat.JsonArray, preview.Format);
        Assert.Null(preview.Separator);
        Assert.Equal(["bon", "artikel", "menge", "verkauft_am", "preis", "kunde"], preview.Headers);
        Assert.Equal(20, preview.Rows.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), preview.Rows.Select(r => r.LineNumber));
        Assert.Equal(["B1", "A1", "2", "2025-07-01 10:01", "2.5", ""], preview.Rows[0].Values);
        Assert.Equal([true, true, true, true, true, false], preview.Rows[0].Carried);
        Assert.Equal("K20", preview.Rows[19].Values[5]);
        Assert.Equal(records[19], preview.Rows[19].RawText);
    }

    [Fact]
    public void Read_ndjson_givesItsLinesNumberedAsInTheFile()
    {
        var path = _files.Write("sales.ndjson", Record(1) + "\n\n" + Record(2) + "\n" + Record(3) + "\n");

        var preview = Preview(path);

        Assert.Equal(FileFormat.JsonLines, preview.Format);
        Assert.Equal(["bon", "artikel", "menge", "verkauft_am", "preis", "kunde"], preview.Headers);
        Assert.Equal([1L, 3L, 4L], preview.Rows.Select(r => r.LineNumber));
        Assert.Equal("B3", preview.Rows[2].Values[0]);
    }

    [Fact]
    public void Read_workbookOfUnmappableHeaders_givesTheFirstSheetsHeaderAndRows_andNamesItsSheets()
    {
        var rows = new List<object?[]> { new object?[] { "Bon", "Artikel", "Menge", "Verkauft am", "Preis" } };
        for (var i = 1; i <= 25; i++)
            rows.Add([1000 + i, "A" + i, i % 3 + 1, new DateTime(2025, 7, 1, 10, i, 0), 2.5]);
        var path = Workbook("kasse.xlsx", ("Juli", rows), ("Notizen", [["Exportiert am 2025-08-01"]]));

        var preview = Preview(path);

        Assert.Equal(FileFormat.Xlsx, preview.Format);
        Assert.Equal(["Juli", "Notizen"], preview.Sheets);
        Assert.Equal("Juli", preview.Sheet);
        Assert.Equal(["Bon", "Artikel", "Menge", "Verkauft am", "Preis"], preview.Headers);
        Assert.Equal(20, preview.Rows.Count);
        Assert.Equal(2L, preview.Rows[0].LineNumber);
        Assert.Equal(["1001", "A1", "2", "2025-07-01 10:01:00", "2.5"], preview.Rows[0].Values);
        Assert.Equal("1001,A1,2,2025-07-01 10:01:00,2.5", preview.Rows[0].RawText);
    }

    [Fact]
    public void Read_workbookWithoutAChoice_previewsTheSheetALoadReads_andAChosenOneWhenChosen()
    {
        var path = Workbook("book.xlsx",
            ("Read me", [["Exported from the till"]]),
            ("Sales", [["Invoice", "StockCode", "Quantity", "InvoiceDate", "Price"], [1, "A", 2, new DateTime(2025, 7, 1, 10, 0, 0), 1.5]]),
            ("Returns", [["Invoice", "StockCode", "Quantity", "InvoiceDate", "Price"], ["C2", "B", -1, new DateTime(2025, 7, 2, 10, 0, 0), 0.5]]));

        var unchosen = Preview(path);
        var chosen = Preview(path, "returns");
        var byNumber = Preview(path, "1");

        Assert.Equal(("Sales", "1"), (unchosen.Sheet, unchosen.Rows.Single().Values[0]));
        Assert.Equal(("Returns", "C2"), (chosen.Sheet, chosen.Rows.Single().Values[0]));
        Assert.Equal("Read me", byNumber.Sheet);
        Assert.Equal(["Exported from the till"], byNumber.Headers);
        var error = Assert.Throws<FileRefusedException>(() => Preview(path, "June"));
        Assert.Contains("has no sheet 'June'. Its sheets: 'Read me', 'Sales', 'Returns'.", error.Message);
    }

    [Fact]
    public void Read_csv_keepsItsSeparatorAndReportsABrokenLine()
    {
        var path = _files.Write("kasse.csv", "bon;artikel;menge\nB1;A1;2\nB2;A2\n");

        var preview = Preview(path);

        Assert.Equal((FileFormat.Csv, ';'), (preview.Format, preview.Separator));
        Assert.Equal([], preview.Rows[0].Problems);
        Assert.Equal([RejectReasons.WrongColumnCount], preview.Rows[1].Problems);
        Assert.Equal("B2;A2", preview.Rows[1].RawText.TrimEnd('\r', '\n'));
    }

    [Fact]
    public void Read_hugeGzippedFile_readsOnlyItsFirstRows()
    {
        var path = Path.Combine(Path.GetDirectoryName(_files.Write("probe.txt", "x"))!, "year.ndjson.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var text = new StreamWriter(gzip, new UTF8Encoding(false)))
            for (var i = 1; i <= 400_000; i++)
                text.WriteLine(Record(i));
        var clock = Stopwatch.StartNew();

        var preview = Preview(path);

        Assert.Equal(20, preview.Rows.Count);
        Assert.Equal(FileFormat.JsonLines, preview.Format);
        // The header pass reads the first thousand records; the whole file (40 MB of text) would take seconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"previewed in {clock.Elapsed}");
    }

    [Fact]
    public void Read_gzipExpandingPastTheLimitBeforeItsFirstRecord_isRefused()
    {
        var header = "bon;" + new string('x', 3 * 1024 * 1024) + "\nB1;1\n";
        var path = _files.WriteGzip("bomb.csv.gz", header);
        var options = new ReadOptions { Now = FileFixture.Now, MaxDecompressedBytes = 1024 * 1024, MaxRecordBytes = 8 * 1024 * 1024 };

        var error = Assert.Throws<FileRefusedException>(() => Preview(path, options: options));

        Assert.Contains("decompresses to more than 1 MB", error.Message);
    }

    public static TheoryData<string> Formats => new() { "csv", "json", "ndjson", "xlsx" };

    // The same eight records in each format: two good ones, one without a customer, and one each that the load rejects
    // for a reason of its own format or of its values.
    private string SampleFile(string format)
    {
        string[] good = [Record(1), Record(2, customer: null), Record(3)];
        switch (format)
        {
            case "csv":
                return _files.Write("sample.csv", "bon;artikel;menge;verkauft_am;preis;kunde\n" +
                    "B1;A1;2;01/07/2025 10:01;2,5;K1\nB2;A2;3;13/07/2025 10:02;2,5;\nB3;A3;1\nB4;A0;viele;01/07/2025 10:04;2,5;K1\n" +
                    "B5;A1;2;31/02/2025 10:05;2,5;K1\nB6;A2;1;02/07/2025 10:06;1.234,50;K2\n");
            case "json" or "ndjson":
                string[] records =
                [
                    good[0], good[1], """{"bon":"B3","artikel":{"code":"A3"},"menge":1,"verkauft_am":"2025-07-01 10:03","preis":2.5}""", "42",
                    """{"bon":"B5","artikel":"A1",,"menge":2}""", Record(6).Replace("\"menge\":1", "\"menge\":\"viele\""), good[2],
                ];
                return _files.Write("sample." + format, format == "json" ? "[" + string.Join(",\n", records) + "]" : string.Join("\n", records) + "\n");
            default:
                return Workbook("sample.xlsx", ("Kasse", new object?[][]
                {
                    ["Bon", "Artikel", "Menge", "Verkauft am", "Preis", "Kunde"],
                    [1001, "A1", 2, new DateTime(2025, 7, 1, 10, 1, 0), 2.5, new TextCell("17850")],
                    // A date cell that lost its style (a bare serial number), and numbers typed as text.
                    [1002, "A2", new TextCell("3"), 45839.403472222220, new TextCell("2.5"), null],
                    [null, null, null, null, null, null],
                    [1003, "A3", "viele", new DateTime(2025, 7, 1, 10, 3, 0), 2.5, null],
                    [1004, "A0", 1, "gestern", 2.5, null],
                    ["Total", null, 6, null, null, null],
                }));
        }
    }

    private static ColumnMapping MappingFor(string format) => format switch
    {
        "csv" => German with { DecimalSeparator = ',', DateOrder = DateOrder.DayFirst },
        "xlsx" => German with { Columns = new Dictionary<string, string>
        {
            ["Bon"] = "Invoice", ["Artikel"] = "StockCode", ["Menge"] = "Quantity", ["Verkauft am"] = "InvoiceDate", ["Preis"] = "Price",
            ["Kunde"] = "Customer ID",
        } },
        _ => German,
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Run_sampleOfEachFormat_givesTheVerdictsOfTheLoadOfTheSameFile(string format)
    {
        var path = SampleFile(format);
        var mapping = MappingFor(format);
        var reader = UploadFileReader.Open(() => File.OpenRead(path), Path.GetFileName(path),
            new ReadOptions { Now = FileFixture.Now, Mapping = mapping, Kind = UploadKind.Transactions });
        var loaded = reader.ReadRows().ToList();

        var check = SampleCheck.Run(Preview(path), UploadKind.Transactions, mapping, new ReadOptions { Now = FileFixture.Now });

        Assert.Equal(loaded.Count(r => r.Row is not null), check.Accepted);
        Assert.Equal(loaded.Where(r => r.Rejected is not null).Select(r => Describe(r.Rejected!)), check.Rejected.Select(Describe));
        // Not two empty verdicts that agree: each format rejects some rows for its own reasons and accepts the rest.
        Assert.True(check.Accepted >= 2, $"{check.Accepted} accepted");
        Assert.Contains(check.Rejected, r => r.Reasons.Contains(format switch
        {
            "csv" => RejectReasons.WrongColumnCount,
            "xlsx" => RejectReasons.TotalRow,
            _ => RejectReasons.NestedValue,
        }));
    }

    [Fact]
    public void Run_workbookWhoseDateColumnLostItsStyle_acceptsTheSerialNumbersAsDates()
    {
        var path = SampleFile("xlsx");

        var check = SampleCheck.Run(Preview(path), UploadKind.Transactions, MappingFor("xlsx"), new ReadOptions { Now = FileFixture.Now });

        Assert.Equal(2, check.Accepted);
        Assert.Equal(
            [(5L, RejectReasons.BadQuantity), (6L, RejectReasons.BadDate), (7L, RejectReasons.TotalRow)],
            check.Rejected.Select(r => (r.LineNumber, Assert.Single(r.Reasons))));
    }

    private static string Describe(RejectedLine line) => $"{line.LineNumber}|{string.Join(",", line.Reasons)}|{line.RawText.TrimEnd('\r', '\n')}";
}
