using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Components.Layout;

/// <summary>A person's view: each demo user signs in through the form in Chromium and sees their own menu.</summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class DemoUserNavigationTests(BrowserAppFixture fixture)
{
    private static readonly string[] Dashboards = ["Overview", "Live", "Baskets", "Segments", "Refunds", "Stores"];
    private static readonly string[] UploadPages = ["Uploads", "Data quality"];
    private static readonly string[] AdminPages = ["Users", "Sources", "API keys", "Audit log", "Jobs (Hangfire)"];

    [Fact]
    public async Task EachDemoUser_signsInAndSeesTheNavigationOfTheirRole()
    {
        var passwords = await DemoUsers.CreateAsync(fixture.Database);
        var expected = new Dictionary<string, string[]>
        {
            ["marketing@retailinsights.local"] = Dashboards,
            ["manager@retailinsights.local"] = [.. Dashboards, .. UploadPages],
            ["admin@retailinsights.local"] = [.. Dashboards, .. UploadPages, .. AdminPages],
        };

        foreach (var (email, navigation) in expected)
        {
            await using var context = await fixture.NewContextAsync();
            var page = await context.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };

            await page.GotoAsync(fixture.BaseUrl + "/");
            await page.WaitForURLAsync(new Regex("/account/login"));
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", passwords[email]);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(fixture.BaseUrl + "/", new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("#signed-in-user").WaitForAsync();
            // Wait for the live circuit, not just the prerendered page: a click before it connects is lost.
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-nav-link') !== null");

            var links = (await page.Locator(".mud-nav-link").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray();
            Assert.Equal(navigation, links);
            Assert.Equal(email, (await page.Locator("#signed-in-user").InnerTextAsync()).Trim());
            Assert.Empty(consoleErrors);
        }
    }

    [Fact]
    public async Task Marketing_openingTheHangfireDashboard_isDenied()
    {
        var passwords = await DemoUsers.CreateAsync(fixture.Database);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await DemoUsers.SignInAsync(page, fixture.BaseUrl, DemoUsers.Marketing, passwords[DemoUsers.Marketing]);

        await page.GotoAsync(fixture.BaseUrl + "/hangfire");

        Assert.Contains("/account/access-denied", page.Url);
        Assert.Contains("Access denied", await page.InnerTextAsync("body"));
    }
}
