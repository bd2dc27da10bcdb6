using System.Net;
using System.Net.Sockets;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Tests.Web.Sources.Pulls;

/// <summary>
/// Pulls reach only public addresses unless an admin opened others: checked on the address each connection resolves
/// to, before connecting, so nothing is learnt of what listens at a refused address; redirects are answered, not followed.
/// </summary>
[Trait("Tier", "database")]
public sealed class PullAddressTests
{
    private const string Refused = "a loopback address; pulls reach only public addresses unless Pulls:AllowedHosts lists it";

    /// <summary>The retailer API's context with no address opened: the default of a fresh install.</summary>
    private static async Task<PullContext> StartUnopenedAsync()
    {
        var context = await PullContext.StartAsync(("Pulls:AllowedHosts", ""));
        await context.SaveSourceAsync();
        context.AddSevenSales();
        return context;
    }

    [Fact]
    public async Task Pull_fromAnApiAt127001_notAllowed_failsSayingWhy_atOnce_andLoadsNothing()
    {
        await using var context = await StartUnopenedAsync();
        await context.SaveEndpointAsync();

        var outcome = await context.PullAsync();

        Assert.Equal((PullStatuses.Failed, 0, 0), (outcome.Status, outcome.Pages, outcome.Records));
        Assert.Contains($"page 1 ({context.Api.BaseUrl}): 127.0.0.1 is {Refused}", outcome.Message);
        Assert.DoesNotContain("times", outcome.Message); // refused, not tried again
        Assert.Empty(context.Api.PagesServed);
        Assert.Equal(0, context.Api.Unauthorized);
        Assert.Equal(0L, await context.Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
        Assert.Empty(await context.FactsAsync());
        var endpoint = await context.EndpointAsync();
        Assert.Contains($"127.0.0.1 is {Refused}", endpoint.LastError);
        Assert.Null(endpoint.Cursor);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1 is")]
    [InlineData("[::ffff:127.0.0.1]", "::ffff:127.0.0.1 (127.0.0.1) is")]
    [InlineData("localhost", "localhost resolves to")]
    public async Task Pull_isJudgedByTheAddressItConnectsTo_whateverTheUrlCallsIt_andLoadsOnceThatAddressIsAllowed(string host, string named)
    {
        await using var context = await StartUnopenedAsync();
        var url = $"http://{host}:{context.Api.BaseUrl.Port}/v1/sales";
        await context.SaveEndpointAsync(new EndpointChange { BaseUrl = url });

        var refused = await context.PullAsync();

        Assert.Equal(PullStatuses.Failed, refused.Status);
        Assert.Contains(named, refused.Message);
        Assert.Contains(Refused, refused.Message);
        Assert.Empty(context.Api.PagesServed);

        // Opened by the address: an IPv4-mapped IPv6 address and a name resolving to it (localhost, also ::1, skipped) reach it too.
        await using var allowed = await PullContext.StartAsync();
        await allowed.SaveSourceAsync();
        allowed.AddSevenSales();
        await allowed.SaveEndpointAsync(new EndpointChange { BaseUrl = $"http://{host}:{allowed.Api.BaseUrl.Port}/v1/sales" });

        var pulled = await allowed.PullAsync();

        Assert.Equal((PullStatuses.Loaded, 7L), (pulled.Status, pulled.Accepted));
    }

    [Fact]
    public async Task Refusal_isTheSameWhetherSomethingListensThereOrNot_andTheRefusedAddressIsNeverConnectedTo()
    {
        await using var context = await StartUnopenedAsync();
        using var listening = new TcpListener(IPAddress.Loopback, 0);
        listening.Start();
        var open = ((IPEndPoint)listening.LocalEndpoint).Port;
        var closed = FreePort();

        async Task<string> FailureAtAsync(int port)
        {
            await context.SaveEndpointAsync(new EndpointChange { BaseUrl = $"http://127.0.0.1:{port}/v1/sales" });
            var outcome = await context.PullAsync();
            Assert.Equal(PullStatuses.Failed, outcome.Status);
            return outcome.Message.Replace($":{port}/", ":PORT/", StringComparison.Ordinal);
        }

        var atListener = await FailureAtAsync(open);
        var atNothing = await FailureAtAsync(closed);

        Assert.Equal(atNothing, atListener);
        Assert.Contains($"127.0.0.1 is {Refused}", atListener);
        Assert.False(listening.Pending(), "the pull connected to a refused address");
    }

    [Fact]
    public async Task Redirect_toARefusedAddress_isAnsweredAsAFailure_andNotFollowed()
    {
        await using var context = await PullContext.StartAsync();
        await context.SaveSourceAsync();
        context.AddSevenSales();
        // Another loopback address: refused, as only 127.0.0.1 is opened.
        using var elsewhere = new TcpListener(IPAddress.Parse("127.0.0.2"), 0);
        elsewhere.Start();
        var target = new Uri($"http://127.0.0.2:{((IPEndPoint)elsewhere.LocalEndpoint).Port}/v1/sales");
        context.Api.Faults = _ => new RetailerApi.Fault(HttpStatusCode.Found, Location: target);
        await context.SaveEndpointAsync();

        var outcome = await context.PullAsync();

        Assert.Equal(PullStatuses.Failed, outcome.Status);
        Assert.Contains($"the API redirects (302 Found) to {target}", outcome.Message);
        Assert.Equal([1], context.Api.PagesServed);
        Assert.False(elsewhere.Pending(), "the pull followed the redirect");
        Assert.Empty(await context.FactsAsync());
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
