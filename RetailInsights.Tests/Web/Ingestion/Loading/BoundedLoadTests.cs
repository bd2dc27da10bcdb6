using System.IO.Compression;
using System.Text;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Ingestion.Loading;

/// <summary>No file — however large once decompressed, however bad, however many distinct customers — takes unbounded work.</summary>
[Trait("Tier", "database")]
public sealed class BoundedLoadTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private string WriteGzip(string name, int lines, Func<int, string> line)
    {
        var path = Path.Combine(_pipeline.Folder, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        for (var i = 0; i < lines; i++)
            writer.Write(line(i));
        return path;
    }

    [Fact]
    public async Task GzipOfFourMillionInvalidLines_keepsTheFirstTenThousand_countsEveryOneByReason_andGrowsTheDatabaseLittle()
    {
        var file = WriteGzip("hostile.csv.gz", 4_000_000, _ => "1,A,x,lots,2025-07-01 10:00,1.00,,UK,S1\n");
        var sizeBefore = await _pipeline.Database.ScalarAsync<long>("SELECT pg_database_size(current_database())");

        var result = await _pipeline.ImportAsync(file);

        var line = result.Lines.Single();
        Assert.True(new FileInfo(file).Length < 1_000_000, $"the gzip is {new FileInfo(file).Length:N0} bytes");
        Assert.Equal("failed", line.GetProperty("status").GetString());
        Assert.Equal(4_000_000L, line.GetProperty("rows").GetInt64());
        Assert.Equal(4_000_000L, line.GetProperty("rejected").GetInt64());
        Assert.Equal(4_000_000L, line.GetProperty("reasons").GetProperty("bad_quantity").GetInt64());
        Assert.Equal(10_000L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM rejected_rows"));
        Assert.Equal("2..10001", await _pipeline.Database.ScalarAsync<string>("SELECT min(line_number) || '..' || max(line_number) FROM rejected_rows"));
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        var growth = await _pipeline.Database.ScalarAsync<long>("SELECT pg_database_size(current_database())") - sizeBefore;
        Assert.True(growth < 32L * 1024 * 1024, $"the database grew {growth / 1024 / 1024} MB");
    }

    [Fact]
    public async Task GzipOverTheDecompressedCap_isRefusedSayingWhy_andLoadsNothing()
    {
        var file = WriteGzip("big.csv.gz", 200_000, i => $"{i},A,x,1,2025-07-01 10:00,1.00,C{i},UK,S1\n");

        var result = await _pipeline.ImportWithAsync([("Ingestion:MaxDecompressedBytes", "1048576")], file);

        var line = result.Lines.Single();
        Assert.Equal("refused", line.GetProperty("status").GetString());
        Assert.Contains("decompresses to more than 1 MB", line.GetProperty("message").GetString());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM rejected_rows"));
    }

    [Fact]
    public async Task FortyThousandIdenticalLines_areFortyThousandSales_andLoadingThemAgainAddsNone()
    {
        var body = string.Concat(Enumerable.Repeat("900001,SPONGE,Sponge,1,2025-07-01 10:00,2.50,C1,UK,S1\n", 40_000));
        var first = _pipeline.Write("till-stuck.csv", Header + body);
        var again = _pipeline.Write("till-stuck-again.csv", Header + body + "900002,SOAP,Soap,1,2025-07-01 10:05,1.00,C1,UK,S1\n");

        var loaded = await _pipeline.ImportAsync(first);
        var overlap = await _pipeline.ImportAsync(again);

        Assert.Equal("loaded", loaded.Lines.Single().GetProperty("status").GetString());
        Assert.Equal(40_000L, loaded.Lines.Single().GetProperty("accepted").GetInt64());
        Assert.Equal(40_000, await _pipeline.Database.ScalarAsync<int>("SELECT max(line_occurrence) FROM fact_sales"));
        Assert.Equal((1L, 40_000L), (overlap.Lines.Single().GetProperty("accepted").GetInt64(), overlap.Lines.Single().GetProperty("duplicates").GetInt64()));
        Assert.Equal(40_001L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
    }

    [Fact]
    public async Task FilePastTheMemoryBudget_loadsThroughItsStage_toTheSameFactsAsTheDirectCopy()
    {
        // Returns among the sales, a customer without a country, repeated lines and a product described late.
        string Line(int i) => i % 97 == 0
            ? $"C{700000 + i},P{i % 50},,-1,2025-07-0{1 + i % 3} 1{i % 10}:00,3.00,K{i % 3000},UK,S{i % 4}\n"
            : $"{700000 + i / 3},P{i % 50},{(i < 100 ? "" : $"Product {i % 50}")},{1 + i % 3},2025-07-0{1 + i % 3} 1{i % 10}:00,3.00,{(i % 11 == 0 ? "" : $"K{i % 3000}")},{(i % 7 == 0 ? "" : "UK")},S{i % 4}\n";
        var body = string.Concat(Enumerable.Range(0, 12_000).Select(Line)) + string.Concat(Enumerable.Repeat(Line(3), 5));
        var file = _pipeline.Write("wide.csv", Header + body);
        await using var direct = new PipelineFixture();
        await direct.InitializeAsync();

        var spilled = await _pipeline.ImportWithAsync([("Ingestion:MaxLoadMemoryBytes", "65536")], file);
        var copied = await direct.ImportAsync(direct.Write("wide.csv", Header + body));

        Assert.Equal("loaded", spilled.Lines.Single().GetProperty("status").GetString());
        Assert.True(await _pipeline.Database.ScalarAsync<bool>("SELECT (quality_report ->> 'loadedThroughStage')::boolean FROM uploads"));
        Assert.False(await direct.Database.ScalarAsync<bool>("SELECT (quality_report ->> 'loadedThroughStage')::boolean FROM uploads"));
        Assert.Equal(copied.Lines.Single().GetProperty("accepted").GetInt64(), spilled.Lines.Single().GetProperty("accepted").GetInt64());
        const string Facts = """
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT concat_ws('|', f.invoice, p.stock_code, p.description, f.quantity, f.unit_price, f.invoiced_at, c.customer_code,
                                 c.country, s.store_code, f.line_occurrence) AS line
                FROM fact_sales f JOIN dim_product p USING (product_id) JOIN dim_store s USING (store_id)
                LEFT JOIN dim_customer c USING (customer_id)) lines
            """;
        const string Refunds = """
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT concat_ws('|', r.refund_code, p.stock_code, r.quantity, r.amount, c.customer_code, r.line_occurrence) AS line
                FROM refunds r JOIN dim_product p USING (product_id) LEFT JOIN dim_customer c USING (customer_id)) lines
            """;
        Assert.Equal(await direct.Database.ScalarAsync<string>(Facts), await _pipeline.Database.ScalarAsync<string>(Facts));
        Assert.Equal(await direct.Database.ScalarAsync<string>(Refunds), await _pipeline.Database.ScalarAsync<string>(Refunds));
        Assert.Equal(await direct.Database.ScalarAsync<long>("SELECT count(*) FROM dim_date"), await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM dim_date"));
        Assert.All((await _pipeline.OrphanedFactsAsync()).Values, orphans => Assert.Equal(0L, orphans));
    }
}
