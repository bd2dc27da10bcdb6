using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;
using static RetailInsights.Tests.Support.LiveEvents;

namespace RetailInsights.Tests.Web.Live;

/// <summary>
/// The first sales of a day, sent by many tills at once — and by files loaded at the same moment — on the real app and
/// a database of their own, on a day and a store the database does not know yet: every batch is taken and every row is
/// there once. Two writers adding the same day at the same moment is made certain (see <see cref="RaceWindow"/>).
/// </summary>
[Trait("Tier", "database")]
public sealed class FirstEventsOfADayTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await RaceWindow.WidenAsync(_database, "dim_date", "date");
        _app = new AppFactory(_database);
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static readonly DateTime At = DateTime.UtcNow.AddSeconds(-5);

    private static JsonNode Sale(string id, string store, int i) => new JsonObject
    {
        ["transaction_id"] = id, ["product_id"] = $"FIRST-P{i % 7}", ["store_id"] = store, ["customer_id"] = $"FIRST-K{i % 13}",
        ["amount"] = 1 + i % 9, ["timestamp"] = At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    private Task<long> CountAsync(string sql) => _database.ScalarAsync<long>(sql);

    [Fact]
    public async Task SixteenFirstBatchesOfADay_onANewStore_atOnce_allSucceed()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => SignedInClient.WithApiKeyAsync(_app, "till")));

        var answers = await Task.WhenAll(clients.Select((client, till) =>
            PostAsync(client, "transactions", Enumerable.Range(0, 25).Select(i => Sale($"FIRST-{till}-{i}", "NEW-STORE", i)))));

        Assert.All(answers, answer => Assert.Equal((200, 25, 0), (answer.Status, answer.Body.Accepted, answer.Body.Duplicates)));
        Assert.Equal(400L, await CountAsync("SELECT count(*) FROM fact_sales WHERE invoice LIKE 'FIRST-%'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM dim_date WHERE date = '{At:yyyy-MM-dd}'"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM dim_store WHERE store_code = 'NEW-STORE'"));
        Assert.Equal(7L, await CountAsync("SELECT count(*) FROM dim_product WHERE stock_code LIKE 'FIRST-P%'"));
        Assert.Equal(400L, await CountAsync("SELECT sum(lines)::bigint FROM agg_store_daily"));
    }

    [Fact]
    public async Task FilesAndEventsOfANewDay_atOnce_allLoad()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SignedInClient.WithApiKeyAsync(_app, "till")));
        var folder = Path.Combine(_app.StagingFolder, "..", $"first-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        for (var file = 0; file < 4; file++)
            await File.WriteAllTextAsync(Path.Combine(folder, $"store-{file}.csv"), "Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID,StoreId\n" +
                string.Concat(Enumerable.Range(0, 20).Select(i =>
                    $"FILE-{file}-{i},FIRST-P{i % 7},1,{At:yyyy-MM-dd HH:mm:ss},2.00,FIRST-K{i % 13},{(file % 2 == 0 ? "NEW-STORE" : "NEW-STORE-2")}\n")));
        var output = new StringWriter();

        var import = CommandLine.RunAsync(["import", folder, "--parallel", "4"], output, TextWriter.Null, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:RetailInsights"] = _database.ConnectionString, ["Ingestion:StagingPath"] = _app.StagingFolder,
            }).Build());
        var answers = await Task.WhenAll(clients.Select((client, till) =>
            PostAsync(client, "transactions", Enumerable.Range(0, 25).Select(i => Sale($"FIRST-{till}-{i}", till % 2 == 0 ? "NEW-STORE" : "NEW-STORE-2", i)))));

        Assert.Equal(0, await import);
        Assert.Equal(4, output.ToString().Split('\n').Count(line => line.Contains("\"status\":\"loaded\"", StringComparison.Ordinal)));
        Assert.All(answers, answer => Assert.Equal((200, 25), (answer.Status, answer.Body.Accepted)));
        Assert.Equal(200L + 80L, await CountAsync("SELECT count(*) FROM fact_sales"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM dim_date WHERE date = '{At:yyyy-MM-dd}'"));
        Assert.Equal(2L, await CountAsync("SELECT count(*) FROM dim_store WHERE store_code LIKE 'NEW-STORE%'"));
        Assert.Equal(13L, await CountAsync("SELECT count(*) FROM dim_customer WHERE customer_code LIKE 'FIRST-K%'"));
    }
}
