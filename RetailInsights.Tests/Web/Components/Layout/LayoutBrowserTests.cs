using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Dashboards;
using RetailInsights.Tests.Web.Dashboards.Quality;
using RetailInsights.Web.Admin.Commands;
using RetailInsights.Web.Security;
using RetailInsights.Web.Components.Shared.Charts;

namespace RetailInsights.Tests.Web.Components.Layout;

/// <summary>
/// The app's shell in Chromium: the failed-upload banner that those who bring files in (managers, admins) see on every
/// page and marketing does not, gone once a later file loads; and dark mode, kept with the user across sign-out and a
/// new browser, with the charts drawn in its colours.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class LayoutBrowserTests(BrowserAppFixture fixture)
{
    private const string Banner = "#latest-upload-banner";
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";

    [Fact]
    public async Task LatestUploadFailed_managerAndAdminSeeTheBannerOnEveryPage_marketingDoesNot_andALaterLoadClearsIt()
    {
        await QualityFiles.EnsureLoadedAsync(fixture);
        await using var manager = await DashboardBrowser.SignInAsync(fixture, Roles.Manager);
        await using var admin = await DashboardBrowser.SignInAsync(fixture, Roles.Admin);
        await using var marketing = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        await manager.OpenAsync("/");
        Assert.Equal(0, await manager.Page.Locator(Banner).CountAsync());

        const string failing = "till-7_broken.csv";
        await QualityFiles.ImportAsync(fixture, failing, Header +
            "TB-1,PRC-003,Sunsilk Shampoo 170 ml,many,2026-11-01 09:00:00,24000,,Indonesia,BDG-01\n" +
            "TB-2,,Spons Cuci Piring Scotch-Brite,1,2026-11-01 09:01:00,5500,,Indonesia,BDG-01\n" +
            "TB-3,PRC-003,Sunsilk Shampoo 170 ml,1,never,24000,,Indonesia,BDG-01\n", "default");
        try
        {
            Assert.Equal("failed", await QualityFiles.StatusAsync(fixture, failing));
            var failedId = await fixture.Database.ScalarAsync<long>($"SELECT upload_id FROM uploads WHERE file_name = '{failing}'");

            // The page that was open hears of it (an upload ended: NOTIFY); a page opened now shows it from the start.
            await Assertions.Expect(manager.Page.Locator(Banner)).ToHaveAttributeAsync("data-upload", failedId.ToString());
            await Assertions.Expect(manager.Page.Locator(Banner)).ToContainTextAsync(failing);
            await admin.OpenAsync("/stores");
            await Assertions.Expect(admin.Page.Locator(Banner)).ToHaveAttributeAsync("data-upload", failedId.ToString());
            await marketing.OpenAsync("/");
            await marketing.OpenAsync("/stores");
            Assert.Equal(0, await marketing.Page.Locator(Banner).CountAsync());
            await manager.ScreenshotAsync("banner-failed-upload");

            await manager.Page.Locator("#latest-upload-link").ClickAsync();
            await manager.Page.WaitForURLAsync($"**/uploads/{failedId}", new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(manager.Page.Locator("h4")).ToContainTextAsync(failing);
        }
        finally
        {
            // A later file that loads (the stores as they are: nothing changes) clears the banner for every other test.
            await QualityFiles.ImportAsync(fixture, "stores-again.csv", await QualityFiles.StoresAsTheyAreAsync(fixture), "default");
        }
        Assert.Equal("loaded", await QualityFiles.StatusAsync(fixture, "stores-again.csv"));
        await Assertions.Expect(manager.Page.Locator(Banner)).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Page.Locator(Banner)).ToHaveCountAsync(0);
        Assert.Empty(manager.ConsoleErrors);
        Assert.Empty(admin.ConsoleErrors);
        Assert.Empty(marketing.ConsoleErrors);
    }

    [Fact]
    public async Task DarkModeToggle_isKeptWithTheUser_acrossSignOutAndANewBrowser_andChartsFollowIt()
    {
        await QualityFiles.EnsureLoadedAsync(fixture);
        await using var first = await DashboardBrowser.SignInAsync(fixture, Roles.Manager);
        await first.OpenAsync("/quality");
        await first.ChartMarksAsync("accepted-share-chart");
        Assert.Equal("false", await first.Page.Locator("#dark-mode-toggle").GetAttributeAsync("data-dark"));
        await PaperIsAsync(first.Page, ChartTheme.Light);
        await first.ScreenshotAsync("quality-light");
        var lightBackground = await BodyBackgroundAsync(first.Page);

        await first.Page.Locator("#dark-mode-toggle").ClickAsync();
        try
        {
            await Assertions.Expect(first.Page.Locator("#dark-mode-toggle")).ToHaveAttributeAsync("data-dark", "true");
            // The toggle shows the choice at once and stores it after: the next sign-in (which also rewrites the user's
            // row, see DemoUsers) must find it stored, not race its save.
            await StoredDarkModeIsAsync(true);
            // The chart drawn in light is laid out again in the dark colours, not left white.
            await PaperIsAsync(first.Page, ChartTheme.Dark);
            Assert.NotEqual(lightBackground, await BodyBackgroundAsync(first.Page));
            await first.Page.Locator("form[action='account/logout'] button").ClickAsync();
            await first.Page.WaitForURLAsync("**/account/login**", new() { WaitUntil = WaitUntilState.Commit });

            await using var again = await DashboardBrowser.SignInAsync(fixture, Roles.Manager);
            await again.OpenAsync("/quality");
            Assert.Equal("true", await again.Page.Locator("#dark-mode-toggle").GetAttributeAsync("data-dark"));
            Assert.True(await again.ChartMarksAsync("rejected-reasons-chart") > 0);
            Assert.True(await again.ChartMarksAsync("accepted-share-chart") > 0);
            await PaperIsAsync(again.Page, ChartTheme.Dark);
            await again.ScreenshotAsync("quality-dark");
            Assert.Empty(again.ConsoleErrors);
        }
        finally
        {
            // Every other test reads and screenshots the light pages.
            await fixture.Database.ExecuteAsync("UPDATE users SET prefers_dark_mode = false");
        }
        Assert.Empty(first.ConsoleErrors);
    }

    /// <summary>Waits until the manager's row holds the dark-mode choice; fails when it does not within 15 s.</summary>
    private async Task StoredDarkModeIsAsync(bool dark)
    {
        var email = DemoUsersCommand.DemoUsers.Single(u => u.Role == Roles.Manager).Email;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await fixture.Database.ScalarAsync<bool>($"SELECT prefers_dark_mode FROM users WHERE email = '{email}'") != dark)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{email}'s dark mode was not stored as {dark} within 15 s");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until the accepted-share chart's paper has the theme's colour (a card that reloads on new data re-creates
    /// its chart for a moment, so the chart is looked for again each time); times out when it never does.
    /// </summary>
    private static Task PaperIsAsync(IPage page, ChartTheme theme) => page.WaitForFunctionAsync(
        "color => { const svg = document.querySelector('#accepted-share-chart .main-svg'); return svg !== null && getComputedStyle(svg).backgroundColor === color; }",
        Rgb(theme.Paper));

    private static Task<string> BodyBackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";
}
