using RetailInsights.Web.Components.Shared;

namespace RetailInsights.Tests.Web.Components.Shared;

/// <summary>A figure against the period before: by how much, which way, and whether that is good news.</summary>
[Trait("Tier", "unit")]
public sealed class KpiChangeTests
{
    [Theory]
    [InlineData(112, 100, true, "▲ 12.0 %", true)]
    [InlineData(88, 100, true, "▼ 12.0 %", false)]
    [InlineData(120, 100, false, "▲ 20.0 %", false)]
    [InlineData(80, 100, false, "▼ 20.0 %", true)]
    [InlineData(-50, -100, true, "▲ 50.0 %", true)]
    public void Change_saysWhichWayAndHowMuch_andWhetherItIsGood(decimal current, decimal previous, bool higherIsBetter, string text, bool good)
    {
        var change = new KpiChange(current, previous, higherIsBetter);

        Assert.Equal(text, change.Text);
        Assert.Equal(good, change.IsGood);
    }

    [Theory]
    [InlineData(100, 100, "no change")]
    [InlineData(0, 0, "no change")]
    [InlineData(50, 0, "new")]
    public void Change_againstNothingOrTheSame_isNeitherGoodNorBad(decimal current, decimal previous, string text)
    {
        var change = new KpiChange(current, previous);

        Assert.Equal(text, change.Text);
        Assert.Equal(current == previous ? null : true, change.IsGood);
        Assert.Equal(previous == 0 ? null : 0.0, change.Share);
    }
}
