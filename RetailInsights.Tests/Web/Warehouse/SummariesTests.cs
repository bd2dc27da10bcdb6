using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Tests.Web.Warehouse;

/// <summary>
/// The summaries every load keeps equal what a rebuild computes from the facts whole, after loads of every kind:
/// overlaps, duplicates, files loaded side by side, returns, refunds, a spilled load, a failed file, a catalog that
/// moves products to another category, and an invoice whose lines arrive in two files.
/// </summary>
[Trait("Tier", "database")]
public sealed class SummariesTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private static string Lines(int from, int to, string day = "2025-07-01") => string.Concat(Enumerable.Range(from, to - from + 1)
        .Select(i => $"{(i % 13 == 0 ? "C" : "")}{500000 + i / 3},P{i % 7},Product {i % 7},{(i % 13 == 0 ? -1 : 1 + i % 4)}," +
                     $"{day} {8 + i % 10:00}:{i % 6 * 10:00}:00,{(i % 17 == 0 ? 0 : 1 + i % 5)}.50," +
                     $"{(i % 5 == 0 ? "" : (12000 + i % 40).ToString())},Indonesia,S{i % 3}\n"));

    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var tables = new Dictionary<string, string>();
        foreach (var table in SummaryTables.All)
            tables[table] = await _pipeline.Database.ScalarAsync<string>($"SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM {table} t");
        return tables;
    }

    [Fact]
    public async Task SummariesAfterEveryKindOfLoad_equalARebuildFromTheFacts()
    {
        var write = _pipeline.Write;
        await _pipeline.ImportAsync(write("product_catalog.csv", "StockCode,Description,Category,BasePrice\n" +
            string.Concat(Enumerable.Range(0, 7).Select(p => $"P{p},Product {p},{(p < 3 ? "Snacks" : "Drinks")},2.5\n"))));
        await _pipeline.ImportAsync(write("a.csv", Header + Lines(1, 300)), write("b.csv", Header + Lines(200, 500)),
            write("c.csv", Header + Lines(450, 700, "2025-07-02")), "--parallel", "3");
        await _pipeline.ImportAsync(write("a-again.csv", Header + Lines(1, 300)));
        await _pipeline.ImportWithAsync([("Ingestion:MaxLoadMemoryBytes", "4096")], write("wide.csv", Header + Lines(690, 1100, "2025-07-03")));
        // New transactions in cells that hold sales already, added up as they are copied in.
        await _pipeline.ImportAsync(write("more.csv", Header + Lines(3000, 3100)));
        // Sales and totals past their budgets (the file is read again, the summaries read the facts), codes and lines within it.
        var longFile = await _pipeline.ImportWithAsync([("Ingestion:MaxLoadMemoryBytes", "65536")], write("long.csv", Header + Lines(4000, 4600)));
        // Invoice 500100 got its first lines in a.csv; these arrive later, one of them in a category it did not hold yet.
        await _pipeline.ImportAsync(write("late.csv", Header +
            "500100,P5,Product 5,2,2025-07-01 09:00:00,4.00,12001,Indonesia,S0\n500100,P6,Product 6,1,2025-07-01 09:00:00,1.00,12001,Indonesia,S0\n"));
        await _pipeline.ImportAsync(write("refunds.csv", "RefundId,Invoice,StockCode,Quantity,Amount,Reason,RefundedAt,StoreId,CustomerId\n" +
            "R1,500010,P3,1,4.50,defective,2025-07-02 10:00,S1,12010\nR2,500011,P4,2,9.00,changed_mind,2025-07-02 11:00,S2,\n"));
        var failed = await _pipeline.ImportAsync(write("wrong.csv", Header + "1,A,x,lots,2025-07-01 10:00,1.00,C1,UK,S1\n"));
        await _pipeline.ImportAsync(write("catalog-moves.csv", "StockCode,Description,Category,BasePrice\nP1,Product 1,Drinks,2.5\n"));
        var incremental = await SnapshotAsync();

        var exit = await CommandLine.RunAsync(["rebuild-aggregates"], TextWriter.Null, TextWriter.Null, _pipeline.Configuration());
        var rebuilt = await SnapshotAsync();

        Assert.Equal(0, exit);
        Assert.Equal("failed", failed.Lines.Single().GetProperty("status").GetString());
        Assert.False(await _pipeline.Database.ScalarAsync<bool>(
            "SELECT (quality_report ->> 'loadedThroughStage')::boolean FROM uploads WHERE file_name = 'long.csv'"));
        Assert.Equal(("loaded", 601L), (longFile.Lines.Single().GetProperty("status").GetString(), longFile.Lines.Single().GetProperty("accepted").GetInt64()));
        Assert.All(SummaryTables.All, table => Assert.NotEqual("", rebuilt[table]));
        Assert.All(SummaryTables.All, table => Assert.True(incremental[table] == rebuilt[table],
            $"{table} incremental:\n{incremental[table]}\n\nrebuilt:\n{rebuilt[table]}"));
        Assert.Equal(await _pipeline.Database.ScalarAsync<decimal>("SELECT sum(line_amount) FROM fact_sales"),
            await _pipeline.Database.ScalarAsync<decimal>("SELECT sum(gross) FROM agg_store_daily"));
        Assert.Equal(await _pipeline.Database.ScalarAsync<long>("SELECT count(DISTINCT (invoice, date_key, store_id)) FROM fact_sales"),
            await _pipeline.Database.ScalarAsync<long>("SELECT sum(invoices)::bigint FROM agg_store_daily"));
    }
}
