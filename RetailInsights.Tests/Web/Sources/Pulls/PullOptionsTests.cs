using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Tests.Web.Sources.Pulls;

/// <summary>Pulls:AllowedHosts as an admin writes it: a list in appsettings.json, one value in the environment, or a typo.</summary>
[Trait("Tier", "unit")]
public sealed class PullOptionsTests
{
    private static PullOptions Bound(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddPulls().BuildServiceProvider();
        return services.GetRequiredService<IOptions<PullOptions>>().Value;
    }

    [Fact]
    public void AllowedHosts_isReadAsAListOrAsOneValue_andBothAtOnce()
    {
        Assert.Empty(Bound().AllowedHosts);
        Assert.False(Bound().AllowPrivateNetworks);
        Assert.Equal(["10.20.0.0/16", "erp.shop.local", "127.0.0.1"],
            Bound(("Pulls:AllowedHosts:0", "10.20.0.0/16"), ("Pulls:AllowedHosts:1", "erp.shop.local; 127.0.0.1")).AllowedHosts);
        Assert.Equal(["127.0.0.1", "::1"], Bound(("Pulls:AllowedHosts", "127.0.0.1;::1")).AllowedHosts);
        Assert.True(Bound(("Pulls:AllowPrivateNetworks", "true")).AllowPrivateNetworks);
    }

    [Fact]
    public void AllowedHosts_withAnEntryThatIsNoHost_failsNamingIt() =>
        Assert.Contains("Pulls:AllowedHosts: 'http://erp.shop.local' is not a host name",
            Assert.Throws<OptionsValidationException>(() => Bound(("Pulls:AllowedHosts", "127.0.0.1;http://erp.shop.local"))).Message);
}
