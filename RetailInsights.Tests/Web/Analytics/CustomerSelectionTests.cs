using RetailInsights.Web.Analytics;

namespace RetailInsights.Tests.Web.Analytics;

[Trait("Tier", "unit")]
public sealed class CustomerSelectionTests
{
    [Fact]
    public void Parse_ofItsOwnQueryString_givesTheSameSelection()
    {
        var selection = new CustomerSelection { Segment = "Can't Lose Them", Cluster = -1, R = 2, FM = 5, PreviousSegment = CustomerSelection.NotScoredBefore, Search = "12 3" };

        var (parsed, error) = CustomerSelection.Parse(selection.ToQueryString());

        Assert.Null(error);
        Assert.Equal(selection, parsed);
        Assert.Equal("", CustomerSelection.All.ToQueryString());
        Assert.True(CustomerSelection.Parse("").Selection!.IsAll);
    }

    [Theory]
    [InlineData("?segment=Big%20Spenders", "There is no segment 'Big Spenders'")]
    [InlineData("?previous=Whales", "There is no segment 'Whales' (previous)")]
    [InlineData("?r=6", "'r' must be a whole number from 1 to 5")]
    [InlineData("?fm=x", "'fm' must be a whole number from 1 to 5")]
    [InlineData("?cluster=-2", "'cluster' must be a whole number from -1 to 99")]
    public void Parse_badValue_saysWhich(string query, string message)
    {
        var (selection, error) = CustomerSelection.Parse(query);

        Assert.Null(selection);
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void Parse_searchOverItsLimit_isRefused() =>
        Assert.Contains("longer than", CustomerSelection.Parse("?search=" + new string('7', CustomerSelection.MaxSearchLength + 1)).Error);

    [Fact]
    public void FromWhere_namesEachConditionOnce_asParameters()
    {
        var (sql, parameters) = new CustomerSelection { Segment = "Lost'; DROP TABLE x; --", R = 1, Search = "a%" }.FromWhere(7);

        Assert.DoesNotContain("DROP", sql);
        Assert.Equal(["run", "segment", "r", "search"], parameters.Select(p => p.Name));
        Assert.DoesNotContain("run_customers p", sql);
        Assert.Contains("p.customer_code IS NULL", new CustomerSelection { PreviousSegment = CustomerSelection.NotScoredBefore }.FromWhere(7).Sql);
    }
}
