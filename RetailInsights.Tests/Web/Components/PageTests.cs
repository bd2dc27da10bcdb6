using System.Net;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Components.Layout;

namespace RetailInsights.Tests.Web.Components;

/// <summary>The real app in process, over HTTP, signed in as an admin, on a migrated database of its own.</summary>
[Trait("Tier", "database")]
public sealed class PageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task HomePage_emptyDatabase_answers200WithOverview()
    {
        var client = await SignedInClient.ForRoleAsync(fixture.App, Roles.Admin);
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Overview", html);
        Assert.Contains("No sales loaded yet", html);
    }

    [Fact]
    public async Task EveryNavigationPage_answers200WithItsTitle()
    {
        var client = await SignedInClient.ForRoleAsync(fixture.App, Roles.Admin);
        foreach (var item in NavigationItems.All)
        {
            var response = await client.GetAsync("/" + item.Href);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"/{item.Href} answered {response.StatusCode}: {System.Net.WebUtility.HtmlDecode(html[..Math.Min(html.Length, 3000)])}");
            Assert.Contains(item.Title.Split(' ')[0], html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task UnknownPage_signedIn_answers404()
    {
        var client = await SignedInClient.ForRoleAsync(fixture.App, Roles.Marketing);
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_carrySecurityHeaders()
    {
        var response = await SignedInClient.Anonymous(fixture.App).GetAsync("/account/login");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
