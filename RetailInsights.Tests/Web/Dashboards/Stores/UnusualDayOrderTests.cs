using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

[Trait("Tier", "unit")]
public sealed class UnusualDayOrderTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    private static readonly UnusualDay[] Days =
    [
        new(UnusualKind.Store, "JKT-01", "Kemang", Day, 900, 100, 5.5),
        new(UnusualKind.Product, "IND-002", "Telur Ayam", Day.AddDays(2), 50, 400, -4.0),
        new(UnusualKind.Product, "BEV-001", "air mineral", Day.AddDays(2), 800, 100, 9.1),
        new(UnusualKind.Store, "DPS-01", "Renon", Day.AddDays(1), 10, 90, -3.6),
    ];

    [Fact]
    public void Page_noOrderAsked_latestDayFirst_thenLargestDeparture()
    {
        var page = UnusualDayOrder.Page(Days, null, true, 0, 10);

        Assert.Equal(["BEV-001", "IND-002", "DPS-01", "JKT-01"], page.Items.Select(d => d.Code));
        Assert.Equal(4, page.Total);
    }

    [Theory]
    [InlineData("RobustZ", false, "IND-002,DPS-01,JKT-01,BEV-001")]
    [InlineData("Value", true, "JKT-01,BEV-001,IND-002,DPS-01")]
    [InlineData("Label", false, "BEV-001,JKT-01,DPS-01,IND-002")]
    [InlineData("Date", false, "JKT-01,DPS-01,BEV-001,IND-002")]
    [InlineData("Kind", false, "JKT-01,DPS-01,BEV-001,IND-002")]
    [InlineData("code; DROP TABLE x", true, "BEV-001,IND-002,DPS-01,JKT-01")]
    public void Page_byAColumn_sortsByIt_andAnUnknownOneFallsBackToTheDefault(string column, bool descending, string expected) =>
        Assert.Equal(expected, string.Join(',', UnusualDayOrder.Page(Days, column, descending, 0, 10).Items.Select(d => d.Code)));

    [Fact]
    public void Page_secondPage_holdsTheRest_andAnAbsurdSizeIsCapped()
    {
        Assert.Equal(["DPS-01", "JKT-01"], UnusualDayOrder.Page(Days, null, true, 1, 2).Items.Select(d => d.Code));
        Assert.Empty(UnusualDayOrder.Page(Days, null, true, 5, 2).Items);
        Assert.Single(UnusualDayOrder.Page(Days, null, true, -3, 0).Items);
        var many = Enumerable.Range(0, 500).Select(i => Days[0] with { Code = $"S{i}" }).ToList();
        Assert.Equal(UnusualDayOrder.MaxPageSize, UnusualDayOrder.Page(many, null, true, 0, 1_000_000).Items.Count);
    }
}
