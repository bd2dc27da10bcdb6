using Microsoft.AspNetCore.WebUtilities;
using RetailInsights.Web.Dashboards.Baskets;

namespace RetailInsights.Tests.Web.Dashboards.Baskets;

[Trait("Tier", "unit")]
public sealed class RuleViewTests
{
    [Fact]
    public void Parse_emptyQuery_showsEveryRuleButRedundantOnes()
    {
        var view = RuleView.Parse("");

        Assert.Equal(new RuleView(), view);
        Assert.False(view.ShowRedundant);
        Assert.Null(view.Product);
    }

    [Fact]
    public void Parse_aFullQuery_readsEveryPart_andQueryParametersWriteItBack()
    {
        var view = RuleView.Parse("?from=2026-11-01&product=85123A&minlift=2.5&minconf=0.4&items=1&redundant=show");

        Assert.Equal(new RuleView { Product = "85123A", MinLift = 2.5, MinConfidence = 0.4, MaxItems = 1, ShowRedundant = true }, view);
        var written = QueryHelpers.AddQueryString("/baskets", view.QueryParameters()
            .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => (string?)p.Value!.ToString()));
        Assert.Equal(view, RuleView.Parse(new Uri("http://x" + written).Query));
    }

    [Theory]
    [InlineData("?minconf=7&minlift=-3&items=1e9", 0, 1, 100)]
    [InlineData("?minconf=NaN&minlift=Infinity&items=abc", 0, 0, 0)]
    [InlineData("?minconf=0,5&minlift=2;DROP", 0, 0, 0)]
    public void Parse_numbersOutOfRangeOrUnreadable_areClampedOrDefaulted(string query, double minLift, double minConfidence, int maxItems)
    {
        var view = RuleView.Parse(query);

        Assert.Equal(minLift, view.MinLift);
        Assert.Equal(minConfidence, view.MinConfidence);
        Assert.Equal(maxItems, view.MaxItems);
    }

    [Fact]
    public void Parse_productBlankOrLongerThanAStockCode_isNoProduct()
    {
        Assert.Null(RuleView.Parse("?product=%20%20").Product);
        Assert.Null(RuleView.Parse("?product=" + new string('A', RuleView.MaxProductLength + 1)).Product);
        Assert.Equal("A B", RuleView.Parse("?product=%20A%20B%20").Product);
    }

    [Fact]
    public void QueryParameters_defaults_removeEveryParameter()
    {
        Assert.All(new RuleView().QueryParameters().Values, Assert.Null);
    }
}
