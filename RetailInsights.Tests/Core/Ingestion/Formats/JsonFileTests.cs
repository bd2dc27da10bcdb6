using System.Diagnostics;
using System.Text;
using RetailInsights.Core.Ingestion;
using RetailInsights.Core.Ingestion.Formats;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Ingestion.Formats;

/// <summary>JSON arrays and JSON lines read as tables of records, with the CSV reader's validation and refusals.</summary>
[Trait("Tier", "unit")]
public sealed class JsonFileTests : IDisposable
{
    private readonly FileFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ReadRows_jsonArrayOfTransactionEvents_mapsTheEventFieldsWithNoMapping()
    {
        var path = _files.Write("events.json", """
            [
              {"transaction_id": "T-1", "product_id": "85123A", "store_id": "S1", "customer_id": "C9", "amount": 7.5, "timestamp": "2025-07-01T10:00:00Z"},
              {"transaction_id": "T-2", "invoice": "INV-2", "product_id": "22423", "store_id": "S2", "customer_id": null,
               "quantity": 3, "unit_price": "2.50", "amount": 7.50, "timestamp": "2025-07-01T11:30:00"}
            ]
            """);

        var (reader, results) = FileFixture.Read(path);

        Assert.Equal(FileFormat.JsonArray, reader.Format);
        Assert.Equal(UploadKind.Transactions, reader.Kind);
        Assert.Equal([], results.Where(r => r.Rejected is not null).SelectMany(r => r.Rejected!.Reasons));
        var first = (TransactionRow)results[0].Row!;
        Assert.Equal(("T-1", "85123A", 1, 7.5m, "C9", "S1"), (first.Invoice, first.StockCode, first.Quantity, first.UnitPrice, first.CustomerId, first.StoreCode));
        Assert.Equal(new DateTime(2025, 7, 1, 10, 0, 0), first.InvoicedAt);
        var second = (TransactionRow)results[1].Row!;
        Assert.Equal(("INV-2", 3, 2.50m, (string?)null), (second.Invoice, second.Quantity, second.UnitPrice, second.CustomerId));
        Assert.Equal(1L, first.LineNumber);
        Assert.Equal(2L, second.LineNumber);
    }

    [Fact]
    public void ReadRows_ndjsonOfRefundEvents_readsRefundsWithOneItemEach()
    {
        var path = _files.Write("refunds.ndjson",
            """{"refund_id":"R-1","original_transaction_id":"T-1","product_id":"85123A","store_id":"S1","customer_id":"C9","refund_amount":7.5,"reason":"defective","timestamp":"2025-07-02T09:00:00"}""" + "\n\n" +
            """{"refund_id":"R-2","original_transaction_id":"T-2","product_id":"22423","store_id":"S2","refund_amount":"2.5","reason":"wrong_item","timestamp":"2025-07-02T09:05:00"}""" + "\n");

        var (reader, results) = FileFixture.Read(path);

        Assert.Equal(FileFormat.JsonLines, reader.Format);
        Assert.Equal(UploadKind.Refunds, reader.Kind);
        Assert.Equal([], results.Where(r => r.Rejected is not null).SelectMany(r => r.Rejected!.Reasons));
        var rows = results.Select(r => (RefundRow)r.Row!).ToList();
        Assert.Equal(("R-1", "T-1", 1, 7.5m, "defective"), (rows[0].RefundId, rows[0].Invoice, rows[0].Quantity, rows[0].Amount, rows[0].Reason));
        Assert.Equal((3L, "S2", (string?)null), (rows[1].LineNumber, rows[1].StoreCode, rows[1].CustomerId));
    }

    [Fact]
    public void ReadRows_brokenRecords_areRejectedWithTheirReasonAndRawText()
    {
        var good = """{"Invoice":"1","StockCode":"A","Quantity":2,"InvoiceDate":"2025-07-01 10:00","Price":1.5}""";
        var nested = """{"Invoice":"2","StockCode":{"code":"B"},"Quantity":1,"InvoiceDate":"2025-07-01 10:00","Price":1.5}""";
        var list = """{"Invoice":"3","StockCode":"C","Quantity":[1,2],"InvoiceDate":"2025-07-01 10:00","Price":1.5}""";
        var notObject = "42";
        var broken = """{"Invoice":"5","StockCode":"E",,"Quantity":1}""";
        var invalid = """{"Invoice":"6","StockCode":"F","Quantity":"lots","InvoiceDate":"2025-07-01 10:00","Price":1.5}""";
        var path = _files.Write("mixed.ndjson", string.Join("\n", good, nested, list, notObject, broken, invalid, good.Replace("\"1\"", "\"7\"")));

        var (reader, results) = FileFixture.Read(path);

        Assert.Equal(7, results.Count);
        Assert.Equal(["1", "7"], results.Where(r => r.Row is not null).Select(r => ((TransactionRow)r.Row!).Invoice));
        var rejected = results.Where(r => r.Rejected is not null).Select(r => r.Rejected!).ToList();
        Assert.Equal([2L, 3L, 4L, 5L, 6L], rejected.Select(r => r.LineNumber));
        Assert.Equal([RejectReasons.NestedValue], rejected[0].Reasons);
        Assert.Equal([RejectReasons.NestedValue], rejected[1].Reasons);
        Assert.Equal([RejectReasons.NotAnObject], rejected[2].Reasons);
        Assert.Equal([RejectReasons.MalformedJson], rejected[3].Reasons);
        Assert.Equal([RejectReasons.BadQuantity], rejected[4].Reasons);
        Assert.Equal([nested, list, notObject, broken, invalid], rejected.Select(r => r.RawText));
        Assert.Equal(2L, reader.Statistics.RejectedByReason[RejectReasons.NestedValue]);
        Assert.Equal(1L, reader.Statistics.RejectedByReason[RejectReasons.MalformedJson]);
    }

    [Fact]
    public void ReadRows_gzippedNdjsonNamedAsCsv_isToldJsonByItsContent()
    {
        var lines = string.Concat(Enumerable.Range(1, 500).Select(i =>
            $$"""{"transaction_id":"T{{i}}","product_id":"P{{i % 7}}","quantity":{{1 + i % 3}},"unit_price":1.25,"timestamp":"2025-07-01 10:{{i % 60:00}}"}""" + "\n"));
        var path = _files.WriteGzip("upload.csv", lines);

        var (reader, results) = FileFixture.Read(path);

        Assert.Equal(FileFormat.JsonLines, reader.Format);
        Assert.Equal(500, results.Count(r => r.Row is not null));
        Assert.Equal(3, ((TransactionRow)results[1].Row!).Quantity);
    }

    [Fact]
    public void Read_aRecordOfAFiftyMegabyteString_isRefusedQuicklyWithoutHoldingIt()
    {
        var path = Path.Combine(Path.GetDirectoryName(_files.Write("probe.txt", "x"))!, "huge.json");
        using (var file = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            file.Write("""[{"Invoice":"1","StockCode":"A","Quantity":1,"InvoiceDate":"2025-07-01","Price":1},{"Invoice":"2","StockCode":" """);
            file.Write(new string('x', 50 * 1024 * 1024));
            file.Write("\"}]");
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(path));

        Assert.Contains("record 2 is longer than 1,024 KB", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused after {clock.Elapsed}");
        var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (1024 * 1024);
        Assert.True(megabytes < 16, $"reading allocated {megabytes} MB of a 50 MB file");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_deepNesting_isRefusedQuicklyNamingTheDepth(bool lines)
    {
        var depth = 5_000_000;
        var text = (lines ? "" : "[") + """{"Invoice":""" + new string('[', depth) + new string(']', depth) + "}" + (lines ? "\n" : "]");
        var path = _files.Write(lines ? "deep.ndjson" : "deep.json", text);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(path));

        Assert.Contains($"more than {JsonRecordSplitter.MaxDepth} levels deep", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused after {clock.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 8 * 1024 * 1024);
    }

    [Fact]
    public void ReadRows_aTooLongRecordPastTheHeaderScan_refusesTheFileNamingIt()
    {
        var record = """{"Invoice":"1","StockCode":"A","Quantity":1,"InvoiceDate":"2025-07-01","Price":1}""";
        var text = "[" + string.Join(",", Enumerable.Repeat(record, JsonRecordTable.HeaderScanRecords + 5)) +
            """,{"Invoice":"2","Description":" """ + new string('d', 40_000) + "\"}]";
        var path = _files.Write("late.json", text);
        var options = new ReadOptions { Now = FileFixture.Now, MaxRecordBytes = 16 * 1024 };

        var reader = UploadFileReader.Open(() => File.OpenRead(path), "late.json", options);
        var error = Assert.Throws<FileRefusedException>(() => reader.ReadRows().ToList());

        Assert.Contains($"record {JsonRecordTable.HeaderScanRecords + 6} is longer than 16 KB", error.Message);
    }

    [Theory]
    [InlineData("""[{"Invoice":"1"} {"Invoice":"2"}]""", "has no ',' between two records")]
    [InlineData("""[{"Invoice":"1"},""", "ends before its array is closed")]
    [InlineData("""[{"Invoice":"1"}] []""", "goes on after its array is closed")]
    public void Open_brokenArrayStructure_isRefusedSayingWhere(string text, string expected)
    {
        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(_files.Write("broken.json", text)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Open_fileNamedJsonThatIsNot_isRefused()
    {
        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(_files.Write("sales.json", "Invoice,StockCode\n1,A\n")));

        Assert.Contains("does not start with '[' or '{'", error.Message);
    }

    [Fact]
    public void Open_jsonWithoutRequiredFields_isRefusedNamingTheKeysFound()
    {
        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(_files.Write("odd.json", """[{"colour":"red","size":3}]""")));

        Assert.Contains("Found: colour, size.", error.Message);
    }
}
