using System.Net;
using Microsoft.Extensions.Logging;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Infrastructure.Hosting;

/// <summary>
/// The pipeline a server runs (environment Production) on a real Kestrel port: what a TLS proxy in front makes of
/// cookies and HSTS, the plain-HTTP LAN mode, and whose address the rate limiter counts.
/// </summary>
[Trait("Tier", "database")]
public sealed class ProductionPipelineTests
{
    private const string PublicHost = "insights.example";
    private static readonly IPAddress KnownProxy = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress UnknownProxy = IPAddress.Parse("127.0.0.2");

    private static readonly Dictionary<string, string> ForwardedHttps = new()
    {
        ["Host"] = PublicHost,
        ["X-Forwarded-Proto"] = "https",
        ["X-Forwarded-For"] = "198.51.100.20",
    };

    [Fact]
    public async Task SignIn_forwardedHttpsFromLoopbackProxy_sendsHstsAndSecureHttpOnlyLaxCookie()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database);
        using var client = CookieClient.Connecting(app.Start(), KnownProxy);
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketing);
        client.AddHeaders(ForwardedHttps);

        var form = await client.GetAsync("/account/login");
        var signIn = await client.SignInAsync(email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.StartsWith("max-age=", form.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = client.LastSetCookie("retailinsights.auth").ToLowerInvariant();
        Assert.Contains("; secure", cookie);
        Assert.Contains("; httponly", cookie);
        Assert.Contains("; samesite=lax", cookie);
        Assert.Contains("; secure", client.LastSetCookie(".AspNetCore.Antiforgery.").ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_plainHttpOnLocalhostWithoutProxy_formRendersAndTheCookieStaysSecure()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database);
        using var client = CookieClient.Connecting(app.Start(), KnownProxy);
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketing);

        // http://localhost:8080 straight after `docker compose up`: browsers keep Secure cookies for localhost.
        var form = await client.GetAsync("/account/login");
        var signIn = await client.SignInAsync(email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("__RequestVerificationToken", await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("; secure", client.LastSetCookie("retailinsights.auth").ToLowerInvariant());
    }

    [Fact]
    public async Task Page_plainHttpWithoutProxyHeaders_isRedirectedToHttpsButTheHealthProbeIsNot()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database, new Dictionary<string, string?> { ["https_port"] = "443" });
        using var client = CookieClient.Connecting(app.Start(), KnownProxy);
        client.Headers["Host"] = PublicHost;

        var page = await client.GetAsync("/account/login");
        var probe = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal($"https://{PublicHost}/account/login", page.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task PlainHttpMode_overHttp_noRedirectNoHstsCookieNotSecure_andWarnsAtStartUp()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database, new Dictionary<string, string?>
        {
            ["Hosting:PlainHttp"] = "true",
            ["https_port"] = "443",
        });
        using var client = CookieClient.Connecting(app.Start(), KnownProxy);
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketing);
        client.Headers["Host"] = PublicHost;

        var form = await client.GetAsync("/account/login");
        var signIn = await client.SignInAsync(email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = client.LastSetCookie("retailinsights.auth").ToLowerInvariant();
        Assert.DoesNotContain("secure", cookie);
        Assert.Contains("; httponly", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Hosting:PlainHttp is on"));
    }

    [Fact]
    public async Task PlainHttpMode_behindForwardedHttps_stillMarksTheCookieSecure()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database, new Dictionary<string, string?> { ["Hosting:PlainHttp"] = "true" });
        using var client = CookieClient.Connecting(app.Start(), KnownProxy);
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketing);
        client.AddHeaders(ForwardedHttps);

        var signIn = await client.SignInAsync(email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("; secure", client.LastSetCookie("retailinsights.auth").ToLowerInvariant());
    }

    [Fact]
    public async Task SignInLimit_clientsForwardedByAKnownProxy_eachGetTheirOwnBucket()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "2" });
        using var proxy = CookieClient.Connecting(app.Start(), KnownProxy);

        var first = await SignInAttemptsAsync(proxy, "203.0.113.7", "203.0.113.7", "203.0.113.7");
        var second = await SignInAttemptsAsync(proxy, "203.0.113.8");

        Assert.Equal([false, false, true], first);
        Assert.Equal([false], second);
    }

    [Fact]
    public async Task SignInLimit_headersFromAnUnknownProxy_areIgnored()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database, new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = KnownProxy.ToString(),
        });
        var server = app.Start();
        using var unknown = CookieClient.Connecting(server, UnknownProxy);
        using var known = CookieClient.Connecting(server, KnownProxy);

        // Three made-up client addresses from a peer nobody trusts: one bucket, the peer's own.
        var fromUnknown = await SignInAttemptsAsync(unknown, "203.0.113.1", "203.0.113.2", "203.0.113.3");
        var fromKnown = await SignInAttemptsAsync(known, "203.0.113.1");
        var hsts = await unknown.GetAsync("/account/login", new Dictionary<string, string> { ["Host"] = PublicHost, ["X-Forwarded-Proto"] = "https" });

        Assert.Equal([false, false, true], fromUnknown);
        Assert.Equal([false], fromKnown);
        Assert.False(hsts.Headers.Contains("Strict-Transport-Security"), "an unknown peer's X-Forwarded-Proto made the request HTTPS");
    }

    /// <returns>For each attempt, whether it was refused as too many (429).</returns>
    private static async Task<bool[]> SignInAttemptsAsync(CookieClient client, params string[] forwardedFor)
    {
        var refused = new List<bool>();
        foreach (var address in forwardedFor)
        {
            var response = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = "x@test.local" },
                new Dictionary<string, string> { ["X-Forwarded-For"] = address });
            refused.Add(response.StatusCode == HttpStatusCode.TooManyRequests);
        }
        return refused.ToArray();
    }
}
