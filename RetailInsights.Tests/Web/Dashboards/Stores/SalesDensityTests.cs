using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

[Trait("Tier", "unit")]
public sealed class SalesDensityTests
{
    private static StoreSummary Store(string code, string? region, string? city, int? size, decimal net, decimal previousNet = 0) =>
        new(new StoreProfile(code, $"Store {code}", city, region, size), new StorePeriod(net + 10, 10, 3), new StorePeriod(previousNet, 0, 1));

    [Theory]
    [InlineData(1000, 400, 2.5)]
    [InlineData(1000, 3, 333.33)]
    [InlineData(-50, 100, -0.5)]
    public void PerSquareFoot_knownSize_isNetOverSizeToTheCent(double net, int size, double expected) =>
        Assert.Equal((decimal)expected, SalesDensity.PerSquareFoot((decimal)net, size));

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-10)]
    public void PerSquareFoot_missingOrZeroSize_isNoFigure(int? size) => Assert.Null(SalesDensity.PerSquareFoot(1000m, size));

    [Fact]
    public void Of_someStoresWithoutSize_leavesThemOutOfRevenueAndSpace_andCountsThem()
    {
        var density = SalesDensity.Of([(1000m, 100), (999_999m, null), (500m, 400), (7m, 0)]);

        Assert.Equal(3m, density.PerSqFt);
        Assert.Equal(2, density.StoresWithSize);
        Assert.Equal(2, density.StoresWithoutSize);
    }

    [Fact]
    public void Of_noStoreWithSize_hasNoFigure() => Assert.Null(SalesDensity.Of([(1000m, null)]).PerSqFt);

    [Fact]
    public void StoreSummary_withoutSize_hasNoFigureNowOrBefore()
    {
        var store = Store("X", "R", "C", null, 100, 50);

        Assert.Null(store.NetPerSqFt);
        Assert.Null(store.PreviousNetPerSqFt);
        Assert.Equal(2m, Store("Y", "R", "C", 50, 100, 50).NetPerSqFt);
        Assert.Equal(1m, Store("Y", "R", "C", 50, 100, 50).PreviousNetPerSqFt);
    }

    [Fact]
    public void RollUp_storesOfARegion_addUp_citiesOnce_andStoresWithoutRegionTogether()
    {
        var regions = RegionSummary.RollUp([
            Store("A", "Java", "Bandung", 100, 300), Store("B", "Java", "Bandung", null, 200), Store("C", "Java", "Jakarta", 100, 100),
            Store("D", null, "Medan", 100, 1000), Store("E", "Bali", null, 100, 50)]);

        Assert.Equal(["no region", "Java", "Bali"], regions.Select(r => r.Region));
        var java = regions[1];
        Assert.Equal(["Bandung", "Jakarta"], java.Cities);
        Assert.Equal(3, java.Stores);
        Assert.Equal(600m, java.Current.Net);
        Assert.Equal(9, java.Current.Transactions);
        Assert.Equal(2m, java.Density.PerSqFt);
        Assert.Equal(1, java.Density.StoresWithoutSize);
        Assert.Empty(regions[2].Cities);
    }

    [Fact]
    public void Summaries_totals_addEveryStore_andDensityOnlySizedOnes()
    {
        var summaries = new StoreSummaries([Store("A", "R", "C", 200, 1000), Store("B", "R", "C", null, 500)], []);

        Assert.Equal(1500m, summaries.Current.Net);
        Assert.Equal(1520m, summaries.Current.Gross);
        Assert.Equal(5m, summaries.Density.PerSqFt);
        Assert.Equal(1, summaries.Density.StoresWithoutSize);
    }
}
