using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Dashboards;

/// <summary>Marketing's view in Chromium, on demo data loaded through the pipeline and analysed: charts, segments, a customer.</summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserAppFixture fixture)
{
    private static readonly SemaphoreSlim DemoDataLoaded = new(1, 1);
    private static bool _loaded;

    [Fact]
    public async Task Marketing_seesTheDashboardsChartsDrawn()
    {
        await using var context = await SignInAsMarketingAsync();
        var page = context.Pages[0];

        foreach (var (path, chart) in new[] { ("/", "#category-chart"), ("/refunds", "#refund-rate-trend"), ("/refunds", "#refund-rate-by-reason"),
                     ("/stores", "#revenue-by-store") })
        {
            if (!page.Url.EndsWith(path, StringComparison.Ordinal))
                await page.GotoAsync(fixture.BaseUrl + path);
            // Plotly draws into an SVG once the live circuit has handed it the data: bars or lines, not an empty frame.
            await page.Locator($"{chart} .main-svg .trace path").First.WaitForAsync();
            Assert.True(await page.Locator($"{chart} .main-svg .trace path").CountAsync() > 0, $"{chart} on {path} drew nothing");
        }
    }

    [Fact]
    public async Task Marketing_filtersCustomersBySegment_andDrillsIntoOne()
    {
        await using var context = await SignInAsMarketingAsync();
        var page = context.Pages[0];
        var segment = await fixture.Database.ScalarAsync<string>(
            "SELECT segment FROM run_customers WHERE run_id = (SELECT max(run_id) FROM analysis_runs) GROUP BY segment ORDER BY count(*) DESC, segment LIMIT 1");

        await page.GotoAsync(fixture.BaseUrl + "/segments");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-data-grid tbody tr') !== null");
        // A click can land while the page redraws (its circuit starting, or data changing under it): open the list
        // again until it shows, a few times at most.
        var choice = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(segment)}$") });
        for (var attempt = 1; !await choice.IsVisibleAsync(); attempt++)
        {
            Assert.True(attempt <= 5, "the segment list did not open after five clicks");
            await page.Locator(".mud-select:has(#segment-filter)").Last.ClickAsync();
            try
            {
                await choice.WaitForAsync(new() { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
            }
        }
        await choice.ClickAsync();
        await Assertions.Expect(page.Locator("#download-segments")).ToHaveAttributeAsync("href", new Regex($"segment={Regex.Escape(Uri.EscapeDataString(segment))}$"));
        // The grid pages from the database: wait until it shows this segment's page.
        await Assertions.Expect(page.Locator("#customer-list")).ToHaveAttributeAsync("data-loaded", new Regex($"segment={Regex.Escape(Uri.EscapeDataString(segment))}$"));

        var segmentsShown = await page.Locator("#customer-grid tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(segmentsShown);
        Assert.All(segmentsShown, shown => Assert.Equal(segment, shown.Trim()));

        var firstCustomer = page.Locator("#customer-grid tbody tr td:first-child a").First;
        var code = (await firstCustomer.InnerTextAsync()).Trim();
        await firstCustomer.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/customers/{Regex.Escape(code)}$"));
        await Assertions.Expect(page.Locator("#customer-segment")).ToContainTextAsync(segment);
        Assert.True(await page.Locator("#customer-invoices tbody tr").CountAsync() > 0);
    }

    private async Task<IBrowserContext> SignInAsMarketingAsync()
    {
        await EnsureDemoDataAsync(fixture);
        var passwords = await DemoUsers.CreateAsync(fixture.Database);
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await DemoUsers.SignInAsync(page, fixture.BaseUrl, DemoUsers.Marketing, passwords[DemoUsers.Marketing]);
        // The overview draws its chart first: leaving while Plotly still loads would hold that circuit's disposal
        // (and so the server's shutdown) until the browser's answer times out.
        await page.Locator("#category-chart .main-svg .trace path").First.WaitForAsync();
        return context;
    }

    /// <summary>Thirty days of generated files through the real `demo` and `analyze` commands, once for the collection's database.</summary>
    internal static async Task EnsureDemoDataAsync(BrowserAppFixture fixture)
    {
        await DemoDataLoaded.WaitAsync();
        try
        {
            if (_loaded)
                return;
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:RetailInsights"] = fixture.Database.ConnectionString,
                ["Ingestion:StagingPath"] = Path.Combine(Path.GetTempPath(), "ri-browser-staging-" + Guid.NewGuid().ToString("N")),
            }).Build();
            var folder = Path.Combine(Path.GetTempPath(), "ri-browser-demo-" + Guid.NewGuid().ToString("N"));
            var output = new StringWriter();
            Assert.True(await CommandLine.RunAsync(["demo", "--days", "30", "--dir", folder, "--force"], output, output, configuration) == 0, output.ToString());
            // A run a week back first, so the latest run has moves between segments to show.
            var weekBack = await fixture.Database.ScalarAsync<string>("SELECT to_char(max(invoiced_at)::date - 6, 'YYYY-MM-DD') FROM fact_sales");
            Assert.True(await CommandLine.RunAsync(["analyze", "--as-of", weekBack], output, output, configuration) == 0, output.ToString());
            Assert.True(await CommandLine.RunAsync(["analyze"], output, output, configuration) == 0, output.ToString());
            _loaded = true;
        }
        finally
        {
            DemoDataLoaded.Release();
        }
    }
}
