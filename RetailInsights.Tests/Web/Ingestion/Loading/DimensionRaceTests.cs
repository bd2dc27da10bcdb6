using RetailInsights.Tests.Support;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Tests.Web.Ingestion.Loading;

/// <summary>
/// Loads that add the same new dimension row at the same moment — a day, a store, a product, a customer, a source
/// system — all succeed, and the row is there once: each insert takes a concurrent insert of the same row, whichever
/// unique index it meets first (dim_date has two: its key and its date). The race is made certain (see
/// <see cref="RaceWindow"/>); one row is new per round, as a writer that waits for another's new row waits for its
/// whole transaction, and the rows after it are no longer new.
/// </summary>
[Trait("Tier", "database")]
public sealed class DimensionRaceTests : IAsyncLifetime
{
    private const int Writers = 8;

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        foreach (var (table, column) in new[] { ("dim_date", "date"), ("dim_store", "store_code"), ("dim_product", "stock_code"),
                     ("dim_customer", "customer_code"), ("dim_retailer", "code") })
            await RaceWindow.WidenAsync(_database, table, column);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<string> NewRows => ["day", "store", "product", "customer", "source"];

    [Theory]
    [MemberData(nameof(NewRows))]
    public async Task EightLoadsNamingTheSameNewRow_atOnce_allSucceed_andTheRowIsThereOnce(string newRow)
    {
        var (day, store, product, customer, source) = (new DateTime(2024, 5, 1, 9, 0, 0), "S1", "P1", "C1", "pos");
        await AddAsync(day, store, product, customer, source);
        switch (newRow)
        {
            case "day": day = day.AddDays(1); break;
            case "store": store = "S2"; break;
            case "product": product = "P2"; break;
            case "customer": customer = "C2"; break;
            default: source = "till"; break;
        }
        // Each writer finds a connection open in the pool, so all of them reach the insert well within its wait.
        var warm = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => _database.DataSource.OpenConnectionAsync().AsTask()));
        foreach (var connection in warm)
            await connection.DisposeAsync();
        var start = new TaskCompletionSource();
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await AddAsync(day, store, product, customer, source);
        })).ToList();
        start.SetResult();

        var ids = await Task.WhenAll(writers);

        Assert.Single(ids.Select(i => (i.RetailerId, i.Products[product], i.Stores[store], i.Customers[customer])).Distinct());
        Assert.Equal(newRow == "day" ? 2 : 1, await _database.ScalarAsync<long>("SELECT count(*) FROM dim_date WHERE date_key >= 20240501"));
        foreach (var (table, column, row) in new[] { ("dim_store", "store_code", "store"), ("dim_product", "stock_code", "product"),
                     ("dim_customer", "customer_code", "customer"), ("dim_retailer", "code", "source") })
            Assert.Equal(newRow == row ? 2 : 1, await _database.ScalarAsync<long>(
                $"SELECT count(*) FROM {table} WHERE {column} IN ('S1', 'S2', 'P1', 'P2', 'C1', 'C2', 'pos', 'till')"));
    }

    private Task<DimensionIds> AddAsync(DateTime day, string store, string product, string customer, string source)
    {
        var rows = new DimensionRows(new MemoryBudget(1 << 20));
        rows.AddSale(product, "a product", false, day, store, customer, "NL");
        return rows.AddMissingAsync(_database.DataSource, source, CancellationToken.None);
    }
}
