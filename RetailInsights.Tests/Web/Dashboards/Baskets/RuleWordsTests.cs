using RetailInsights.Web.Dashboards.Baskets;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Web.Dashboards.Baskets;

[Trait("Tier", "unit")]
public sealed class RuleWordsTests
{
    [Theory]
    [InlineData(0.6249, "62%")]
    [InlineData(0.045, "4.5%")]
    [InlineData(0.00524, "0.52%")]
    [InlineData(1.0, "100%")]
    public void Share_keepsTwoOrThreeSignificantFigures(double share, string expected) => Assert.Equal(expected, RuleWords.Share(share));

    [Theory]
    [InlineData(3.44, "3.4× more often than chance")]
    [InlineData(1.02, "about as often as chance")]
    [InlineData(0.5, "only 0.5× as often as chance")]
    public void Chance_saysWhetherTheSidesAttract(double lift, string expected) => Assert.Equal(expected, RuleWords.Chance(lift));

    [Fact]
    public void Reading_namesBothSides_confidenceAndLift()
    {
        var rule = new RunRule
        {
            Antecedent = ["A1", "B2"], Consequent = ["C3"], AntecedentNames = "Tea + Sugar", ConsequentNames = "Milk",
            Confidence = 0.62, Lift = 3.4,
        };

        Assert.Equal("Baskets with Tea + Sugar also hold Milk in 62% of cases, 3.4× more often than chance.", RuleWords.Reading(rule));
        Assert.Equal("Tea + Sugar → Milk", RuleWords.Arrow(rule));
    }

    [Fact]
    public void Conviction_infinite_isTheInfinitySign() => Assert.Equal("∞", RuleWords.Conviction(double.PositiveInfinity));
}
