using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Infrastructure.Hosting;

namespace RetailInsights.Tests.Web.Infrastructure.Hosting;

[Trait("Tier", "database")]
public sealed class ProxyOptionsTests
{
    [Fact]
    public void ApplyTrustedProxies_nothingConfigured_trustsLoopbackOnly()
    {
        var forwarded = new ForwardedHeadersOptions();

        HostingRegistration.ApplyTrustedProxies(forwarded, new ProxyOptions());

        Assert.Equal([IPAddress.IPv6Loopback], forwarded.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("127.0.0.0/8")], forwarded.KnownIPNetworks);
    }

    [Fact]
    public void ApplyTrustedProxies_configured_replacesLoopbackWithWhatIsConfigured()
    {
        var forwarded = new ForwardedHeadersOptions();

        HostingRegistration.ApplyTrustedProxies(forwarded,
            new ProxyOptions { KnownProxies = ["10.1.2.3"], KnownNetworks = [" 172.30.57.0/24 "], ForwardLimit = 2 });

        Assert.Equal([IPAddress.Parse("10.1.2.3")], forwarded.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.30.57.0/24")], forwarded.KnownIPNetworks);
        Assert.Equal(2, forwarded.ForwardLimit);
    }

    [Fact]
    public void Validate_mistypedEntries_nameEachOne()
    {
        var result = new ProxyOptionsValidator().Validate(null,
            new ProxyOptions { KnownProxies = ["10.0.0.300"], KnownNetworks = ["10.0.0.0/33", "10.0.0.0/8"], ForwardLimit = 0 });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("'10.0.0.300' is not an IP address"));
        Assert.Contains(result.Failures!, f => f.Contains("'10.0.0.0/33' is not a network"));
        Assert.Contains(result.Failures!, f => f.Contains("ForwardLimit must be 1 or more"));
    }

    [Fact]
    public async Task Start_withAMistypedNetwork_failsNamingIt()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database, new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "172.30.57.0/240" });

        var failure = Assert.Throws<OptionsValidationException>(() => app.Start());

        Assert.Contains("'172.30.57.0/240' is not a network", failure.Message);
    }
}
