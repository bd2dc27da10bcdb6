using RetailInsights.Web.Dashboards.Filters;

namespace RetailInsights.Tests.Web.Dashboards.Filters;

/// <summary>The filter in the URL: read with its defaults, written back so that a link reproduces the view.</summary>
[Trait("Tier", "unit")]
public sealed class DashboardFilterTests
{
    private static readonly DateOnly Latest = new(2026, 11, 30);

    [Fact]
    public void Parse_emptyQuery_isTheLast30DaysOfData_comparedWithThe30Before()
    {
        var filter = DashboardFilter.Parse("", Latest);

        Assert.Equal((new DateOnly(2026, 11, 1), Latest), (filter.From, filter.To));
        Assert.Equal((new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 31)), (filter.Previous.From, filter.Previous.To));
        Assert.Empty(filter.Stores);
        Assert.Null(filter.Category);
        Assert.False(filter.IsNarrowed);
    }

    [Fact]
    public void Parse_everyField_andWritesTheSameQueryBack()
    {
        const string query = "?from=2026-11-01&to=2026-11-07&store=JKT-01&store=BDG-02&region=Java&category=Snacks&source=pos";

        var filter = DashboardFilter.Parse(query, Latest);

        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7), 7), (filter.From, filter.To, filter.Days));
        Assert.Equal(["BDG-02", "JKT-01"], filter.Stores);
        Assert.Equal(("Java", "Snacks", "pos"), (filter.Region, filter.Category, filter.Source));
        Assert.Equal("?from=2026-11-01&to=2026-11-07&store=BDG-02&store=JKT-01&region=Java&category=Snacks&source=pos", filter.ToQueryString());
        Assert.Equal(filter, DashboardFilter.Parse(filter.ToQueryString(), new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void Parse_emptyCategory_isTheUncategorizedProducts_notAllProducts()
    {
        var filter = DashboardFilter.Parse("?category=", Latest);

        Assert.Equal("", filter.Category);
        Assert.Equal(filter, DashboardFilter.Parse(filter.ToQueryString(), Latest));
    }

    [Theory]
    [InlineData("?from=2026-11-20&to=2026-11-10", "2026-11-10", "2026-11-20")]
    [InlineData("?from=yesterday&to=2026-11-10", "2026-10-12", "2026-11-10")]
    [InlineData("?to=2026-02-30", "2026-11-01", "2026-11-30")]
    [InlineData("?from=1900-01-01&to=2026-11-30", "2016-11-23", "2026-11-30")]
    public void Parse_aRangeThatCannotBeTaken_isPutRight(string query, string from, string to)
    {
        var filter = DashboardFilter.Parse(query, Latest);

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (filter.From, filter.To));
        Assert.True(filter.Days <= DashboardFilter.MaxDays);
    }

    [Fact]
    public void Parse_aProduct_narrowsTheView_andIsWrittenBackLast()
    {
        var filter = DashboardFilter.Parse("?product=BEV-001&from=2026-11-01&to=2026-11-07&store=JKT-01", Latest);

        Assert.Equal("BEV-001", filter.Product);
        Assert.True(filter.IsNarrowed);
        Assert.Equal("?from=2026-11-01&to=2026-11-07&store=JKT-01&product=BEV-001", filter.ToQueryString());
        Assert.Equal(filter, DashboardFilter.Parse(filter.ToQueryString(), Latest));
        Assert.Null(DashboardFilter.Parse("?product=%20", Latest).Product);
        Assert.Equal("?from=2026-10-25&to=2026-10-31&store=JKT-01&product=BEV-001", filter.Previous.ToQueryString());
    }

    [Fact]
    public void Link_keepsTheViewOnAnotherPage()
    {
        var filter = DashboardFilter.Parse("?from=2026-11-01&to=2026-11-07&store=JKT-01", Latest);

        Assert.Equal("refunds?from=2026-11-01&to=2026-11-07&store=JKT-01", filter.Link("refunds"));
    }
}
