using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

[Trait("Tier", "unit")]
public sealed class HeatMapGridTests
{
    [Fact]
    public void Bin_cellsNamedTwiceAndMissing_sumsThemAndLeavesZeros()
    {
        var grid = HeatMapGrid.Bin<int>([("Small", 9, 2m), ("Big", 9, 10m), ("Small", 9, 3m), ("Big", 11, 4m)], [9, 10, 11], h => $"{h:00}:00");

        Assert.Equal(["Big", "Small"], grid.Rows);
        Assert.Equal(["09:00", "10:00", "11:00"], grid.Columns);
        Assert.Equal([10m, 0m, 4m], grid.Values[0]);
        Assert.Equal([5m, 0m, 0m], grid.Values[1]);
        Assert.Equal(10m, grid.Max);
    }

    [Fact]
    public void Bin_cellOfAColumnNotAsked_isLeftOut()
    {
        var grid = HeatMapGrid.Bin<string>([("A", "Snacks", 1m), ("A", "Toys", 7m)], ["Snacks"], c => c);

        Assert.Equal([1m], grid.Values[0]);
        Assert.Equal(1m, grid.RowTotal(0));
    }

    [Fact]
    public void Bin_rowsOfEqualTotal_runInNameOrder_largestFirst()
    {
        var grid = HeatMapGrid.Bin<string>([("b", "x", 1m), ("a", "x", 1m), ("c", "x", 5m)], ["x"], c => c);

        Assert.Equal(["c", "a", "b"], grid.Rows);
    }

    [Fact]
    public void Share_ofARowWithoutAnything_isZero_elseTheCellsPart()
    {
        var grid = new HeatMapGrid(["A", "B"], ["x", "y"], [[1m, 3m], [0m, 0m]]);

        Assert.Equal(0.75, grid.Share(0, 1));
        Assert.Equal(0, grid.Share(1, 0));
    }

    [Fact]
    public void HourSpan_hoursWithAGap_runFromFirstToLastWithTheGap()
    {
        Assert.Equal([7, 8, 9, 10], HeatMapGrid.HourSpan([10, 7, 7, 9]));
        Assert.Empty(HeatMapGrid.HourSpan([]));
        Assert.Equal([23], HeatMapGrid.HourSpan([23, 24, -1]));
    }

    [Fact]
    public void ColumnsByTotal_uncategorizedLast_restLargestFirst()
    {
        var columns = HeatMapGrid.ColumnsByTotal([("A", "", 100m), ("A", "Dairy", 5m), ("B", "Snacks", 3m), ("B", "Dairy", 1m)], last: "");

        Assert.Equal(["Dairy", "Snacks", ""], columns);
    }

    [Fact]
    public void IsEmpty_withoutRowsOrColumns_isTrue()
    {
        Assert.True(HeatMapGrid.Bin<int>([], [9], h => "").IsEmpty);
        Assert.True(HeatMapGrid.Bin<int>([("A", 9, 1m)], [], h => "").IsEmpty);
        Assert.False(HeatMapGrid.Bin<int>([("A", 9, 1m)], [9], h => "").IsEmpty);
    }
}
