using RetailInsights.Core.Generation;
using RetailInsights.Tests.Web.Ingestion;
using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

/// <summary>Windows and anomalies on generated data loaded through the pipeline, with one planted bumper day.</summary>
public sealed class ActivityQueriesTests : IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    [Fact]
    public async Task DailyHourlyAndAnomalies_addUp_andFindThePlantedBumperDay()
    {
        var end = new DateOnly(2025, 7, 31);
        var folder = Path.Combine(_pipeline.Folder, "demo");
        new DemoDataGenerator().Generate(new GeneratorOptions { Days = 35, EndDate = end, InvoicesPerDay = 150, Customers = 600 }, folder);
        // A wholesale order at the smallest store on the last day: 200 cartons of eggs.
        _pipeline.Write("bumper.csv", "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n" +
            $"999999,IND-002,Telur Ayam,200,{end:yyyy-MM-dd} 10:00:00,28000,12001,Indonesia,DPS-01\n");
        var import = await _pipeline.ImportAsync(folder, Path.Combine(_pipeline.Folder, "bumper.csv"));
        Assert.Equal(0, import.Exit);
        var queries = new ActivityQueries(_pipeline.Database.DataSource);

        var daily = await queries.DailyAsync(ActivityBy.Store, 400, CancellationToken.None);
        var hourly = await queries.HourlyAsync(ActivityBy.Store, CancellationToken.None);
        var storeAnomalies = await queries.AnomaliesAsync(ActivityBy.Store, 400, CancellationToken.None);
        var productAnomalies = await queries.AnomaliesAsync(ActivityBy.Product, 400, CancellationToken.None);

        var total = await _pipeline.Database.ScalarAsync<decimal>("SELECT sum(line_amount) FROM fact_sales");
        Assert.Equal(total, daily.Sum(d => d.Revenue));
        Assert.Equal(total, hourly.Sum(h => h.Revenue));
        Assert.Equal(35, daily.Select(d => d.Date).Distinct().Count());
        Assert.All(hourly, h => Assert.InRange(h.Hour, 7, 22));
        Assert.Contains(storeAnomalies, a => a.Key == "DPS-01" && a.Date == end && a.IsHigh);
        Assert.Contains(productAnomalies, a => a.Key == "IND-002" && a.Date == end && a.IsHigh);
        Assert.DoesNotContain(productAnomalies, a => a.Key.EndsWith("-FEE"));
    }
}
