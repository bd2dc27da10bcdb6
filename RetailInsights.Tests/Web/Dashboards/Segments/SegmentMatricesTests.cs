using RetailInsights.Core.Segmentation;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Dashboards.Segments;

namespace RetailInsights.Tests.Web.Dashboards.Segments;

[Trait("Tier", "unit")]
public sealed class SegmentMatricesTests
{
    private static GridCell Cell(int r, int fm, int customers, decimal monetary) => new(r, fm, RfmSegmentRules.For(r, fm).Name, customers, monetary);

    [Fact]
    public void Grid_placesEachCellByRAndFm_andLeavesMissingCellsAtZero()
    {
        var grid = SegmentMatrices.Grid([Cell(5, 5, 7, 700m), Cell(1, 2, 3, 30m), Cell(3, 1, 4, 8m)]);

        Assert.Equal(7, grid[4][4]);
        Assert.Equal(3, grid[0][1]);
        Assert.Equal(4, grid[2][0]);
        Assert.Equal(14, grid.Sum(row => row.Sum()));
    }

    [Fact]
    public void Sizes_sumTheCellsOfEachSegment_inTheTablesOrder_withShares()
    {
        // Champions cover R 4–5 × FM 4–5: three of its cells here; Lost is R 1 × FM 1–2.
        var sizes = SegmentMatrices.Sizes([Cell(5, 5, 10, 500m), Cell(4, 4, 5, 250m), Cell(5, 4, 5, 50m), Cell(1, 1, 20, 200m)]);

        Assert.Equal(RfmSegmentRules.Table.Select(s => s.Name), sizes.Select(s => s.Segment));
        var champions = sizes.Single(s => s.Segment == "Champions");
        Assert.Equal((20, 800m, 0.5, 0.8), (champions.Customers, champions.Monetary, champions.CustomerShare, champions.RevenueShare));
        Assert.Equal(20, sizes.Single(s => s.Segment == "Lost").Customers);
        Assert.Equal(0, sizes.Single(s => s.Segment == "At Risk").Customers);
        Assert.Equal(1.0, sizes.Sum(s => s.CustomerShare), 12);
    }

    [Fact]
    public void Migration_keepsTheSegmentsThatOccur_inTableOrder_withNewCustomersLast()
    {
        var matrix = SegmentMatrices.Migration(
        [
            new("At Risk", "Champions", 2), new("Champions", "Champions", 6), new("Champions", "At Risk", 2),
            new(CustomerSelection.NotScoredBefore, "New Customers", 5), new("Lost", "Lost", 0),
        ]);

        Assert.Equal(["Champions", "At Risk", CustomerSelection.NotScoredBefore], matrix.From);
        Assert.Equal(["Champions", "New Customers", "At Risk"], matrix.To);
        Assert.Equal([6, 0, 2], matrix.Counts[0]);
        Assert.Equal([2, 0, 0], matrix.Counts[1]);
        Assert.Equal([0, 5, 0], matrix.Counts[2]);
        Assert.Equal(0.75, matrix.RowShare(0, 0));
        Assert.Equal(1.0, matrix.RowShare(2, 1));
    }
}
