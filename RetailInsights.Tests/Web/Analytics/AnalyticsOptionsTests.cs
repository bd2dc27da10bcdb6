using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetailInsights.Core.Mining;
using RetailInsights.Web.Analytics;

namespace RetailInsights.Tests.Web.Analytics;

/// <summary>One options type carries the mining thresholds, bound from the "Analytics" section beside the schedule.</summary>
[Trait("Tier", "unit")]
public sealed class AnalyticsOptionsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAnalytics().BuildServiceProvider();
    }

    [Fact]
    public void MiningOptions_bindFromTheAnalyticsSection()
    {
        using var services = Services(("Analytics:MinSupport", "0.02"), ("Analytics:MinConfidence", "0.4"),
            ("Analytics:MaxItemsets", "1000"), ("Analytics:Timeout", "00:00:30"), ("Analytics:Cron", "30 4 * * *"));

        var mining = services.GetRequiredService<IOptions<MiningOptions>>().Value;
        var analytics = services.GetRequiredService<IOptions<AnalyticsOptions>>().Value;

        Assert.Equal(0.02, mining.MinSupport);
        Assert.Equal(0.4, mining.MinConfidence);
        Assert.Equal(1000, mining.MaxItemsets);
        Assert.Equal(TimeSpan.FromSeconds(30), mining.Timeout);
        Assert.Equal("30 4 * * *", analytics.Cron);
    }

    [Fact]
    public void MiningOptions_unset_areTheEngineDefaults()
    {
        using var services = Services();

        Assert.Equal(new MiningOptions(), services.GetRequiredService<IOptions<MiningOptions>>().Value);
    }

    [Theory]
    [InlineData("0 2 * * *", "daily at 02:00")]
    [InlineData("30 23 * * *", "daily at 23:30")]
    [InlineData("*/5 * * * *", "every 5 minutes")]
    [InlineData("*/1 * * * *", "every minute")]
    [InlineData("0 2 * * 1", "on the schedule \"0 2 * * 1\"")]
    [InlineData("0 2,14 * * *", "on the schedule \"0 2,14 * * *\"")]
    public void ScheduleText_describesTheCron(string cron, string expected) => Assert.Equal(expected, ScheduleText.Describe(cron));
}
