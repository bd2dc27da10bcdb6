using System.Globalization;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Admin.Commands;

namespace RetailInsights.Tests.Web.Dashboards;

/// <summary>
/// One signed-in person in Chromium on the demo data: open a dashboard, wait until its cards have their figures, read
/// them, check that charts drew and that the console stayed clean, and keep a screenshot in the test output.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly BrowserAppFixture _fixture;

    private DashboardBrowser(BrowserAppFixture fixture, IBrowserContext context, IPage page)
    {
        _fixture = fixture;
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                ConsoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>What the browser's console reported as errors (and uncaught exceptions).</summary>
    public List<string> ConsoleErrors { get; } = [];

    public static string ScreenshotFolder => Path.Combine(Repository.Root(), "RetailInsights.Tests", "TestResults", "screenshots");

    /// <summary>Signs in as the demo user of a role (see the demo-users command) on the collection's demo data.</summary>
    public static async Task<DashboardBrowser> SignInAsync(BrowserAppFixture fixture, string role)
    {
        await DashboardBrowserTests.EnsureDemoDataAsync(fixture);
        var passwords = await DemoUsers.CreateAsync(fixture.Database);
        var email = DemoUsersCommand.DemoUsers.Single(u => u.Role == role).Email;
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 1000);
        await DemoUsers.SignInAsync(page, fixture.BaseUrl, email, passwords[email]);
        return new DashboardBrowser(fixture, context, page);
    }

    /// <summary>Opens a page (path and query) and waits for its live circuit and every card's figures.</summary>
    public async Task OpenAsync(string pathAndQuery)
    {
        await Page.GotoAsync(_fixture.BaseUrl + pathAndQuery, new() { WaitUntil = WaitUntilState.Commit });
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-nav-link') !== null");
        await WaitForCardsAsync();
    }

    /// <summary>Waits until no card is loading (each shows its figures, its empty state or its message).</summary>
    public async Task WaitForCardsAsync() =>
        await Page.WaitForFunctionAsync("() => document.querySelector('[data-card]') !== null && document.querySelector('[data-state=loading]') === null");

    /// <summary>The exact figure of a KPI card, as a number.</summary>
    public async Task<decimal> KpiExactAsync(string title) =>
        decimal.Parse((await Page.Locator($"[data-kpi-exact='{title}']").InnerTextAsync()).Replace(",", "", StringComparison.Ordinal),
            CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits for Plotly to draw bars, lines, markers or a heat map's cells (an image) into a chart, not an empty frame,
    /// and returns how many.
    /// </summary>
    public async Task<int> ChartMarksAsync(string chartId)
    {
        // Counted in the page in one go: a page that redraws its charts (the Live page) would empty a locator between steps.
        var marks = await Page.WaitForFunctionAsync(
            "selector => document.querySelectorAll(selector).length || null",
            $"#{chartId} .main-svg .trace path, #{chartId} .main-svg .trace .point, #{chartId} .main-svg .hm image");
        return await marks.JsonValueAsync<int>();
    }

    /// <summary>
    /// Clicks a bar or marker as a person would: Plotly hears clicks on the plot area over the marks, not on the marks'
    /// own elements, so the mouse goes to the mark's centre.
    /// </summary>
    public async Task ClickChartMarkAsync(ILocator mark)
    {
        var box = await mark.BoundingBoxAsync() ?? throw new InvalidOperationException("The chart's mark is not drawn.");
        await Page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
