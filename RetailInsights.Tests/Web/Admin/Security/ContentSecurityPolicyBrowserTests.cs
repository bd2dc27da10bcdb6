using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Dashboards;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Admin.Security;

/// <summary>
/// The strict policy (own origin only, no eval) in Chromium: Blazor's circuit connects over its WebSocket and
/// Plotly draws the charts without the browser refusing anything.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserAppFixture fixture)
{
    private const string RecordViolations =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', " +
        "e => window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + (e.sourceFile || '?')));";

    [Fact]
    public async Task ChartPagesAndTheLiveCircuit_runWithoutAnyPolicyViolation()
    {
        await DashboardBrowserTests.EnsureDemoDataAsync(fixture);
        var passwords = await DemoUsers.CreateAsync(fixture.Database);
        await using var context = await fixture.NewContextAsync();
        await context.AddInitScriptAsync(RecordViolations);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add(message.Text);
        };
        var sockets = new List<IWebSocket>();
        page.WebSocket += (_, socket) => sockets.Add(socket);

        var login = await page.GotoAsync(fixture.BaseUrl + "/account/login");
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, await login!.HeaderValueAsync("content-security-policy"));
        await DemoUsers.SignInAsync(page, fixture.BaseUrl, DemoUsers.Marketing, passwords[DemoUsers.Marketing]);
        foreach (var (path, chart) in new[] { ("/", "#category-chart"), ("/refunds", "#refund-rate-by-reason"), ("/stores", "#revenue-by-store"), ("/baskets", "#rules-scatter") })
        {
            if (!page.Url.EndsWith(path, StringComparison.Ordinal))
                await page.GotoAsync(fixture.BaseUrl + path);
            await page.Locator($"{chart} .main-svg .trace path").First.WaitForAsync();
            violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }

        Assert.Empty(violations);
        var circuits = sockets.Where(s => s.Url.StartsWith(fixture.BaseUrl.Replace("http://", "ws://"), StringComparison.Ordinal)
            && s.Url.Contains("/_blazor")).ToList();
        Assert.NotEmpty(circuits);
        Assert.False(circuits[^1].IsClosed, "the current page's circuit lost its WebSocket");
    }
}
