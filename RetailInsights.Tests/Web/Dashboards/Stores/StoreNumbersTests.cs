using RetailInsights.Core.Anomalies;
using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

[Trait("Tier", "unit")]
public sealed class StoreNumbersTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    [Fact]
    public void Trends_everyDayOfEveryStore_withTheUnusualOnesMarked()
    {
        var store = new StoreProfile("DPS-01", "Renon", "Denpasar", "Bali", 1600);
        var trend = new StoreTrend(store, [new(Day, 10m), new(Day.AddDays(1), 900m), new(Day.AddDays(2), 0m)],
            [new Anomaly("DPS-01", Day.AddDays(1), 900m, 12m, 8.5), new Anomaly("DPS-01", Day.AddDays(2), 0m, 11m, -4.1)]);

        var table = StoreNumbers.Trends(new StoreTrends([trend], 1));

        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["Renon", "DPS-01", Day, 10m, "", null, null], table.Rows[0]);
        Assert.Equal(["Renon", "DPS-01", Day.AddDays(1), 900m, "high", 12m, 8.5], table.Rows[1]);
        Assert.Equal("low", table.Rows[2][4]);
    }

    [Fact]
    public void HeatMap_oneLinePerCell_withItsShareOfTheStores()
    {
        var grid = new HeatMapGrid(["Kemang", "Renon"], ["Dairy", "Snacks"], [[30m, 10m], [0m, 5m]]);

        var table = StoreNumbers.HeatMap(grid, "Category", "Gross");

        Assert.Equal(["Store", "Category", "Gross", "Share of the store's"], table.Headers);
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(["Kemang", "Dairy", 30m, RetailInsights.Web.Infrastructure.Format.Percent(0.75)], table.Rows[0]);
        Assert.Equal(["Renon", "Dairy", 0m, RetailInsights.Web.Infrastructure.Format.Percent(0)], table.Rows[2]);
    }

    [Fact]
    public void Density_storeWithoutSize_hasNoFigure()
    {
        var summaries = new StoreSummaries([new StoreSummary(new StoreProfile("NEW-01", null, null, null, null), new StorePeriod(100, 0, 1), StorePeriod.Zero)], []);

        var row = Assert.Single(StoreNumbers.Density(summaries).Rows);

        Assert.Equal(["NEW-01", "NEW-01", null, 100m, null, null], row);
    }
}
