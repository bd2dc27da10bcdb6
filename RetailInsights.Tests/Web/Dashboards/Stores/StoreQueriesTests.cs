using Microsoft.Extensions.Options;
using RetailInsights.Core.Anomalies;
using RetailInsights.Core.Generation;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Dashboards.Stores;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

/// <summary>
/// The Stores page's queries on generated days loaded through the pipeline, with a planted bumper day (a wholesale
/// order at the smallest store) and a store that no locations file describes: every figure equals SQL on the facts.
/// </summary>
[Trait("Tier", "database")]
public sealed class StoreQueriesTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private static readonly DateOnly End = new(2025, 7, 31);
    private readonly PipelineFixture _pipeline = new();
    private DashboardDatabase _database = null!;

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        var folder = Path.Combine(_pipeline.Folder, "demo");
        new DemoDataGenerator().Generate(new GeneratorOptions { Days = 35, EndDate = End, InvoicesPerDay = 150, Customers = 600 }, folder);
        _pipeline.Write("bumper.csv", Header +
            $"999999,IND-002,Telur Ayam,200,{End:yyyy-MM-dd} 10:00:00,28000,12001,Indonesia,DPS-01\n" +
            $"888001,IND-002,Telur Ayam,3,{End.AddDays(-1):yyyy-MM-dd} 09:15:00,28000,12002,Indonesia,NEW-01\n" +
            $"888002,SNK-001,Chitato,2,{End:yyyy-MM-dd} 21:40:00,11500,,Indonesia,NEW-01\n");
        var import = await _pipeline.ImportAsync(folder, Path.Combine(_pipeline.Folder, "bumper.csv"));
        Assert.Equal(0, import.Exit);
        _database = new DashboardDatabase(_pipeline.Database.DataSource, Options.Create(new DashboardOptions()));
    }

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private static DashboardFilter Week => new() { From = End.AddDays(-6), To = End };

    private static string Key(DateOnly day) => day.ToString("yyyyMMdd");

    private async Task<Dictionary<string, (decimal Gross, long Transactions, decimal Refunds)>> FactsAsync(DateOnly from, DateOnly to, string storeSql = "")
    {
        var where = $"f.date_key BETWEEN {Key(from)} AND {Key(to)} {storeSql}";
        var sales = await _database.ListAsync($"""
            SELECT s.store_code, sum(f.line_amount), count(DISTINCT (f.invoice, f.date_key, f.store_id))
            FROM fact_sales f JOIN dim_store s USING (store_id) WHERE {where} GROUP BY 1
            """, null, r => (Code: r.GetString(0), Gross: r.GetDecimal(1), Transactions: r.GetInt64(2)), CancellationToken.None);
        var refunds = (await _database.ListAsync($"""
            SELECT s.store_code, sum(f.amount) FROM refunds f JOIN dim_store s USING (store_id) WHERE {where} GROUP BY 1
            """, null, r => (Code: r.GetString(0), Amount: r.GetDecimal(1)), CancellationToken.None)).ToDictionary(r => r.Code, r => r.Amount);
        return sales.Select(s => s.Code).Union(refunds.Keys).ToDictionary(code => code, code => (
            sales.FirstOrDefault(s => s.Code == code).Gross, sales.FirstOrDefault(s => s.Code == code).Transactions, refunds.GetValueOrDefault(code)));
    }

    [Fact]
    public async Task SummariesAsync_aWeekAndOneRegion_equalTheFacts_andStoresWithoutSizeHaveNoDensity()
    {
        var queries = new StoreSummaryQueries(_database);

        var week = await queries.SummariesAsync(Week, CancellationToken.None);

        var facts = await FactsAsync(Week.From, Week.To);
        var before = await FactsAsync(Week.Previous.From, Week.Previous.To);
        Assert.Equal(facts.Keys.Order(), week.Stores.Select(s => s.Store.Code).Order());
        foreach (var store in week.Stores)
        {
            Assert.Equal(facts[store.Store.Code], (store.Current.Gross, store.Current.Transactions, store.Current.Refunds));
            Assert.Equal(before.GetValueOrDefault(store.Store.Code), (store.Previous.Gross, store.Previous.Transactions, store.Previous.Refunds));
        }
        Assert.Equal(facts.Values.Sum(f => f.Gross), week.Days.Sum(d => d.Gross));
        Assert.Equal(facts.Values.Sum(f => f.Refunds), week.Days.Sum(d => d.Refunds));
        Assert.Equal(7, week.Days.Count);
        var unsized = Assert.Single(week.Stores, s => s.Store.SizeSqFt is null);
        Assert.Equal("NEW-01", unsized.Store.Code);
        Assert.Null(unsized.NetPerSqFt);
        var sized = await _pipeline.Database.ScalarAsync<long>("SELECT sum(size_sq_ft) FROM dim_store");
        Assert.Equal(Math.Round(week.Stores.Where(s => s.Store.Code != "NEW-01").Sum(s => s.Current.Net) / sized, 2), week.Density.PerSqFt);
        Assert.Equal(1, week.Density.StoresWithoutSize);

        var region = await _pipeline.Database.ScalarAsync<string>("SELECT region FROM dim_store WHERE store_code = 'DPS-01'");
        var bali = await queries.SummariesAsync(Week with { Region = region }, CancellationToken.None);
        var baliFacts = await FactsAsync(Week.From, Week.To, $"AND f.store_id IN (SELECT store_id FROM dim_store WHERE region = '{region}')");
        Assert.Equal(baliFacts.Keys.Order(), bali.Stores.Select(s => s.Store.Code).Order());
        Assert.Equal(baliFacts.Values.Sum(f => f.Gross - f.Refunds), bali.Current.Net);
        Assert.Equal(region, Assert.Single(bali.Regions).Region);

        Assert.Equal(week.Current, (await queries.SummariesAsync(Week with { Source = "default" }, CancellationToken.None)).Current);
        Assert.Empty((await queries.SummariesAsync(Week with { Source = "elsewhere" }, CancellationToken.None)).Stores);
    }

    [Fact]
    public async Task HeatMaps_byCategoryAndHour_equalTheFacts()
    {
        var queries = new StoreHeatMapQueries(_database);

        var categories = await queries.CategoriesAsync(Week, CancellationToken.None);
        var hours = await queries.HoursAsync(Week, CancellationToken.None);

        var where = $"f.date_key BETWEEN {Key(Week.From)} AND {Key(Week.To)}";
        var byCategory = await _database.ListAsync($"""
            SELECT coalesce(s.name, s.store_code), coalesce(p.category, ''), sum(f.line_amount)
            FROM fact_sales f JOIN dim_store s USING (store_id) JOIN dim_product p USING (product_id) WHERE {where} GROUP BY 1, 2
            """, null, r => (Store: r.GetString(0), Category: FilterChoices.CategoryLabel(r.GetString(1)), Gross: r.GetDecimal(2)), CancellationToken.None);
        Assert.Equal(byCategory.Count, categories.Values.SelectMany(v => v).Count(v => v != 0));
        foreach (var (store, category, gross) in byCategory)
            Assert.Equal(gross, categories.Values[Index(categories.Rows, store)][Index(categories.Columns, category)]);
        Assert.Equal("uncategorized", categories.Columns[^1]);

        var byHour = await _database.ListAsync($"""
            SELECT coalesce(s.name, s.store_code), extract(hour FROM f.invoiced_at)::int, count(DISTINCT (f.invoice, f.date_key, f.store_id))
            FROM fact_sales f JOIN dim_store s USING (store_id) WHERE {where} GROUP BY 1, 2
            """, null, r => (Store: r.GetString(0), Hour: r.GetInt32(1), Transactions: r.GetInt64(2)), CancellationToken.None);
        foreach (var (store, hour, transactions) in byHour)
            Assert.Equal(transactions, hours.Values[Index(hours.Rows, store)][Index(hours.Columns, $"{hour:00}:00")]);
        Assert.Equal(byHour.Sum(h => h.Transactions), hours.Values.SelectMany(v => v).Sum());
        Assert.Equal($"{byHour.Min(h => h.Hour):00}:00", hours.Columns[0]);
        Assert.Equal($"{byHour.Max(h => h.Hour):00}:00", hours.Columns[^1]);
    }

    private static int Index(IReadOnlyList<string> labels, string label)
    {
        var index = labels.ToList().IndexOf(label);
        Assert.True(index >= 0, $"{label} is not among {string.Join(", ", labels)}");
        return index;
    }

    [Fact]
    public async Task TrendsAndUnusualDays_flagThePlantedDay_andEqualTheFlagsOfTheFacts()
    {
        var trends = await new StoreTrendQueries(_database).TrendsAsync(Week, CancellationToken.None);
        var unusual = new UnusualDayQueries(_database);
        var flags = await unusual.FlagsAsync(Week, CancellationToken.None);

        var span = $"f.date_key BETWEEN {Key(DayFlags.HistoryFrom(Week.From))} AND {Key(Week.To)}";
        var storeDays = await _database.ListAsync($"""
            SELECT s.store_code, f.date_key, sum(f.line_amount) FROM fact_sales f JOIN dim_store s USING (store_id) WHERE {span} GROUP BY 1, 2
            """, null, r => (Code: r.GetString(0), Day: new DailyValue(DateKeys.Day(r.GetInt32(1)), r.GetDecimal(2))), CancellationToken.None);
        var productDays = await _database.ListAsync($"""
            SELECT p.stock_code, f.date_key, sum(f.line_amount) FROM fact_sales f JOIN dim_product p USING (product_id)
            WHERE {span} AND NOT p.is_non_product GROUP BY 1, 2
            """, null, r => (Code: r.GetString(0), Day: new DailyValue(DateKeys.Day(r.GetInt32(1)), r.GetDecimal(2))), CancellationToken.None);
        var expectedStores = storeDays.GroupBy(d => d.Code).SelectMany(g => DayFlags.InRange(g.Key, g.Select(d => d.Day), Week.From, Week.To)).ToList();
        var expectedProducts = productDays.GroupBy(d => d.Code).SelectMany(g => DayFlags.InRange(g.Key, g.Select(d => d.Day), Week.From, Week.To)).ToList();

        Assert.Contains(expectedStores, a => a.Key == "DPS-01" && a.Date == End && a.IsHigh);
        Assert.Contains(expectedProducts, a => a.Key == "IND-002" && a.Date == End && a.IsHigh);
        Assert.Equal(Describe(expectedStores), Describe(trends.Shown.SelectMany(t => t.Flags)));
        Assert.Equal(Describe(expectedStores), Describe(flags.Where(f => f.Kind == UnusualKind.Store)));
        Assert.Equal(Describe(expectedProducts), Describe(flags.Where(f => f.Kind == UnusualKind.Product)));
        Assert.DoesNotContain(flags, f => f.Code.EndsWith("-FEE", StringComparison.Ordinal));
        Assert.Equal(await _pipeline.Database.ScalarAsync<string>("SELECT description FROM dim_product WHERE stock_code = 'IND-002'"),
            flags.First(f => f.Code == "IND-002" && f.Date == End).Label);
        Assert.DoesNotContain(flags, f => f.Code == "NEW-01");

        foreach (var trend in trends.Shown)
        {
            Assert.Equal(7, trend.Days.Count);
            Assert.Equal(storeDays.Where(d => d.Code == trend.Store.Code && d.Day.Date >= Week.From).Sum(d => d.Day.Value), trend.Gross);
        }
        Assert.Equal(6, trends.Stores);

        var counts = await unusual.CountsAsync(Week, CancellationToken.None);
        Assert.Equal((expectedStores.Count, expectedProducts.Count), (counts.StoreDays, counts.ProductDays));
        var first = await unusual.PageAsync(Week, nameof(UnusualDay.RobustZ), true, 0, 3, CancellationToken.None);
        Assert.Equal(counts.Total, first.Total);
        Assert.Equal(Math.Min(3, counts.Total), first.Items.Count);
        Assert.Equal(flags.Max(f => f.RobustZ), first.Items[0].RobustZ);
    }

    private static List<string> Describe(IEnumerable<Anomaly> flags) =>
        flags.Select(a => $"{a.Key} {a.Date:yyyy-MM-dd} {a.Value:0.###} {a.Expected:0.###} {a.RobustZ}").Order(StringComparer.Ordinal).ToList();

    private static List<string> Describe(IEnumerable<UnusualDay> flags) =>
        Describe(flags.Select(d => new Anomaly(d.Code, d.Date, d.Value, d.Expected, d.RobustZ)));
}
