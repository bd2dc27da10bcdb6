using System.Text;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>The import command on real files and a real database: what lands, what is refused, nothing twice.</summary>
[Trait("Tier", "database")]
public sealed class ImportCommandTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private static string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1)
        .Select(i => $"{500000 + i / 3},P{i % 7},Product {i % 7},{1 + i % 4},2025-07-01 {8 + i % 10:00}:{i % 60:00}:00,{1 + i % 5}.50,{(i % 5 == 0 ? "" : (12000 + i % 40).ToString())},Indonesia,JKT-01\n"));

    [Fact]
    public async Task SameFileTwice_secondIsAnsweredAlreadyLoaded_andChangesNothing()
    {
        var file = _pipeline.Write("day.csv", Header + Lines(1, 60));

        var first = await _pipeline.ImportAsync(file);
        var second = await _pipeline.ImportAsync(file);

        Assert.Equal(0, first.Exit);
        Assert.Equal("loaded", first.Lines[0].GetProperty("status").GetString());
        Assert.Equal(60, first.Lines[0].GetProperty("accepted").GetInt64());
        Assert.Equal(0, second.Exit);
        Assert.Equal("already_loaded", second.Lines[0].GetProperty("status").GetString());
        Assert.Contains($"as upload #{first.Lines[0].GetProperty("upload").GetInt64()}", second.Lines[0].GetProperty("message").GetString());
        Assert.Equal(60L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        Assert.Equal(1L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }

    [Fact]
    public async Task OverlappingFiles_sharedRowsAreCountedAsDuplicatesNotInsertedTwice()
    {
        var first = _pipeline.Write("a.csv", Header + Lines(1, 100));
        var second = _pipeline.Write("b.csv", Header + Lines(51, 150));

        var result = await _pipeline.ImportAsync(first, second, "--parallel", "1");

        var b = result.Lines.Single(l => l.GetProperty("file").GetString()!.EndsWith("b.csv"));
        Assert.Equal((100L, 50L, 50L), (b.GetProperty("rows").GetInt64(), b.GetProperty("accepted").GetInt64(), b.GetProperty("duplicates").GetInt64()));
        Assert.Equal(150L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        Assert.All(result.Lines, l => Assert.Equal(l.GetProperty("rows").GetInt64(),
            l.GetProperty("accepted").GetInt64() + l.GetProperty("rejected").GetInt64() + l.GetProperty("duplicates").GetInt64()));
    }

    [Fact]
    public async Task OverlappingFilesLoadedSideBySide_eachSharedRowLandsOnce_andIsCountedOnceAsADuplicate()
    {
        var files = Enumerable.Range(0, 6).Select(i => _pipeline.Write($"part{i}.csv", Header + Lines(1 + i * 40, 100 + i * 40))).ToArray();

        var result = await _pipeline.ImportAsync([.. files, "--parallel", "3"]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(6, result.Lines.Count);
        Assert.All(result.Lines, l => Assert.Equal("loaded", l.GetProperty("status").GetString()));
        Assert.Equal(300L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        Assert.Equal(300L, result.Lines.Sum(l => l.GetProperty("accepted").GetInt64()));
        Assert.Equal(6 * 100L - 300L, result.Lines.Sum(l => l.GetProperty("duplicates").GetInt64()));
        Assert.All(await _pipeline.OrphanedFactsAsync(), orphans => Assert.Equal(0L, orphans.Value));
    }

    [Fact]
    public async Task TwinLines_areNumberedAlike_whetherCopiedStraightIn_orStagedBecauseTheFileOverlapsALoadedOne()
    {
        // A till that scans an item twice sells it twice; a later file repeating those lines adds only what is new.
        const string twin = "700001,P1,Product 1,1,2025-07-01 09:00,0.0125,12001,Indonesia,JKT-01\n";
        var first = _pipeline.Write("first.csv", Header + twin + twin + "700002,P2,Product 2,2,2025-07-01 09:05,3.5,,Indonesia,JKT-01\n");
        var second = _pipeline.Write("second.csv", Header + twin + "700003,P3,Product 3,1,2025-07-01 10:00,4,12002,Indonesia,JKT-01\n" + twin + twin);

        var result = await _pipeline.ImportAsync(first, second, "--parallel", "1");

        var counts = result.Lines.ToDictionary(l => Path.GetFileName(l.GetProperty("file").GetString()!),
            l => (l.GetProperty("accepted").GetInt64(), l.GetProperty("duplicates").GetInt64()));
        Assert.Equal((3L, 0L), counts["first.csv"]);
        Assert.Equal((2L, 2L), counts["second.csv"]);
        Assert.Equal("1,2,3", await _pipeline.Database.ScalarAsync<string>(
            "SELECT string_agg(line_occurrence::text, ',' ORDER BY line_occurrence) FROM fact_sales WHERE invoice = '700001'"));
        // The price keeps the three decimals the table stores, and the line amount agrees with it.
        Assert.Equal(0.039m, await _pipeline.Database.ScalarAsync<decimal>("SELECT sum(line_amount) FROM fact_sales WHERE invoice = '700001'"));
        Assert.Equal(5L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
    }

    [Fact]
    public async Task BadRows_areRejectedWithReasons_keptInTheDatabase_andReturnsBecomeRefunds()
    {
        var file = _pipeline.Write("mixed.csv", Header + Lines(1, 10)
            + "500100,P1,X,0,2025-07-01 09:00,1,12001,Indonesia,JKT-01\n"
            + "500101,P1,X,2,2099-07-01 09:00,1,12001,Indonesia,JKT-01\n"
            + "C500001,P1,Product 1,-1,2025-07-02 09:00,2.50,12001,Indonesia,JKT-01\n");

        var result = await _pipeline.ImportAsync(file);

        var line = result.Lines.Single();
        Assert.Equal(0, result.Exit);
        Assert.Equal((13L, 11L, 2L), (line.GetProperty("rows").GetInt64(), line.GetProperty("accepted").GetInt64(), line.GetProperty("rejected").GetInt64()));
        Assert.Equal(1, line.GetProperty("reasons").GetProperty("zero_quantity").GetInt64());
        Assert.Equal(1, line.GetProperty("reasons").GetProperty("future_date").GetInt64());
        Assert.Equal("500101,P1,X,2,2099-07-01 09:00,1,12001,Indonesia,JKT-01",
            await _pipeline.Database.ScalarAsync<string>("SELECT raw_text FROM rejected_rows WHERE line_number = 13"));
        Assert.Equal("500001", await _pipeline.Database.ScalarAsync<string>("SELECT original_invoice FROM refunds WHERE reason = 'cancelled_invoice'"));
        Assert.Equal(10L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
    }

    [Fact]
    public async Task EverySale_refersToExistingDimensionRows_evenForProductsStoresAndCustomersNoFileDescribed()
    {
        var catalog = _pipeline.Write("product_catalog.csv", "StockCode,Description,Category,BasePrice\nP1,Product 1,Snacks,1.50\n");
        var day = _pipeline.Write("day.csv", Header + Lines(1, 80) + "500900,NEW-9,Unheard of,1,2025-07-02 10:00,3,99999,Chile,NEW-STORE\n");
        var other = _pipeline.Write("other.csv", Header + Lines(60, 120));

        var result = await _pipeline.ImportAsync(catalog, day, other);

        Assert.Equal(0, result.Exit);
        Assert.Equal(121L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        Assert.All(await _pipeline.OrphanedFactsAsync(), orphans => Assert.Equal(0L, orphans.Value));
        Assert.Equal(1L, await _pipeline.Database.ScalarAsync<long>(
            "SELECT count(*) FROM fact_sales f JOIN dim_store s USING (store_id) JOIN dim_customer c USING (customer_id) WHERE s.store_code = 'NEW-STORE' AND c.customer_code = '99999'"));
    }

    [Theory]
    [InlineData("header.csv", "Foo,Bar\n1,2\n", "Missing required columns")]
    [InlineData("empty.csv", "", "empty (0 bytes)")]
    [InlineData("blank.csv", "\n\n", "no data")]
    public async Task UnreadableFile_isRefusedWhole_exit1_andNothingLoaded(string name, string content, string message)
    {
        var file = _pipeline.Write(name, content);
        var good = _pipeline.Write("good.csv", Header + Lines(1, 5));

        var result = await _pipeline.ImportAsync(file, good);

        Assert.Equal(1, result.Exit);
        var refused = result.Lines.Single(l => l.GetProperty("file").GetString()!.EndsWith(name));
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Contains(message, refused.GetProperty("message").GetString());
        Assert.Equal("loaded", result.Lines.Single(l => l.GetProperty("file").GetString()!.EndsWith("good.csv")).GetProperty("status").GetString());
        Assert.Equal(5L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        Assert.Equal(1L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE status = 'refused'"));
    }

    [Fact]
    public async Task BinaryFileRenamedCsv_isRefusedWhole()
    {
        var path = Path.Combine(_pipeline.Folder, "photo.csv");
        await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

        var result = await _pipeline.ImportAsync(path);

        Assert.Equal(1, result.Exit);
        Assert.Contains("binary", result.Lines.Single().GetProperty("message").GetString());
    }

    [Fact]
    public async Task MostlyBadFile_failsAsAWhole_loadsNothing_butKeepsItsRejectedRows()
    {
        var bad = string.Concat(Enumerable.Range(1, 30).Select(i => $"{600000 + i},P1,X,lots,2025-07-01 09:00,1,,Indonesia,JKT-01\n"));
        var file = _pipeline.Write("wrong.csv", Header + Lines(1, 10) + bad);

        var result = await _pipeline.ImportAsync(file);

        var line = result.Lines.Single();
        Assert.Equal(1, result.Exit);
        Assert.Equal("failed", line.GetProperty("status").GetString());
        Assert.Contains("nothing was loaded", line.GetProperty("message").GetString());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        Assert.Equal(30L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM rejected_rows"));
    }

    [Fact]
    public async Task EveryDelimiterAndDateForm_loadsTheSameSales()
    {
        var files = new[]
        {
            _pipeline.Write("comma.csv", "Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,2,2025-07-01 10:00,3.5\n"),
            _pipeline.Write("semicolon.csv", "Invoice;StockCode;Quantity;InvoiceDate;Price\n2;A;2;13/07/2025 10:00;3,5\n"),
            _pipeline.Write("tab.tsv", "Invoice\tStockCode\tQuantity\tInvoiceDate\tPrice\n3\tA\t2\t7/14/2025 10:00\t3.5\n"),
            _pipeline.Write("pipe.txt", "Invoice|StockCode|Quantity|InvoiceDate|Price\n4|A|2|2025-07-15T10:00:00|3.5\n"),
        };

        var result = await _pipeline.ImportAsync([.. files, "--store", "BDG-01"]);

        Assert.Equal(0, result.Exit);
        Assert.All(result.Lines, l => Assert.Equal(1, l.GetProperty("accepted").GetInt64()));
        Assert.Equal(28m, await _pipeline.Database.ScalarAsync<decimal>("SELECT sum(line_amount) FROM fact_sales"));
        Assert.Equal("2025-07-13,2025-07-14,2025-07-15", await _pipeline.Database.ScalarAsync<string>(
            "SELECT string_agg(invoiced_at::date::text, ',' ORDER BY invoiced_at) FROM fact_sales WHERE invoice <> '1'"));
        Assert.Equal(1L, await _pipeline.Database.ScalarAsync<long>("SELECT count(DISTINCT store_id) FROM fact_sales"));
    }

    [Fact]
    public async Task GzippedFile_loads()
    {
        var path = Path.Combine(_pipeline.Folder, "day.csv.gz");
        await using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Header + Lines(1, 20)));

        var result = await _pipeline.ImportAsync(path);

        Assert.Equal(20, result.Lines.Single().GetProperty("accepted").GetInt64());
    }
}
