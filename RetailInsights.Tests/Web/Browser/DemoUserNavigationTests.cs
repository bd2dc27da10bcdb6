using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Admin.Commands;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Browser;

/// <summary>A person's view: each demo user signs in through the form in Chromium and sees their own menu.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DemoUserNavigationTests(BrowserAppFixture fixture)
{
    private static readonly string[] Dashboards = ["Overview", "Baskets", "Segments", "Refunds", "Stores"];
    private static readonly string[] UploadPages = ["Uploads", "Data quality"];
    private static readonly string[] AdminPages = ["Users", "API keys", "Audit log", "Jobs (Hangfire)"];

    [Fact]
    public async Task EachDemoUser_signsInAndSeesTheNavigationOfTheirRole()
    {
        var passwords = await CreateDemoUsersAsync();
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
            await page.WaitForURLAsync(fixture.BaseUrl + "/");
            await page.Locator("#signed-in-user").WaitForAsync();
            // Wait for the live circuit, not just the prerendered page (see STACK-NOTES).
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
        var passwords = await CreateDemoUsersAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/account/login");
        await page.FillAsync("#email", "marketing@retailinsights.local");
        await page.FillAsync("#password", passwords["marketing@retailinsights.local"]);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");

        await page.GotoAsync(fixture.BaseUrl + "/hangfire");

        Assert.Contains("/account/access-denied", page.Url);
        Assert.Contains("Access denied", await page.InnerTextAsync("body"));
    }

    /// <summary>Runs the real `demo-users` command against the test database and reads the passwords it prints.</summary>
    private async Task<Dictionary<string, string>> CreateDemoUsersAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = fixture.Database.ConnectionString,
        }).Build();
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["demo-users"], output, output, configuration, "Development");
        Assert.True(exit == 0, output.ToString());
        var passwords = DemoUserLine().Matches(output.ToString()).ToDictionary(m => m.Groups["email"].Value, m => m.Groups["password"].Value);
        Assert.Equal(DemoUsersCommand.DemoUsers.Select(u => u.Email).Order(), passwords.Keys.Order());
        return passwords;
    }

    [GeneratedRegex(@"^\s+\w+\s+(?<email>\S+@\S+)\s+(?<password>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex DemoUserLine();
}
