using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Dashboards;
using RetailInsights.Tests.Web.Dashboards.Quality;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>
/// The uploads list in Chromium on a common laptop screen: a manager who has just brought a long-named file sees every
/// column of the list, the uploader included, without scrolling sideways.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class UploadsGridBrowserTests(BrowserAppFixture fixture)
{
    private const int Width = 1440;
    private const string Manager = "manager@retailinsights.local";

    [Fact]
    public async Task UploadsGrid_at1440x900_showsEveryColumnInsideTheWindow()
    {
        // The demo files and the quality files: loaded, failed and refused uploads, from two sources.
        await QualityFiles.EnsureLoadedAsync(fixture);
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Manager);
        await browser.Page.SetViewportSizeAsync(Width, 900);
        var name = $"store_locations_head_office_export_{Guid.NewGuid():N}.csv";
        var folder = Directory.CreateTempSubdirectory("ri-uploads-grid-");
        var file = Path.Combine(folder.FullName, name);
        // The stores as they are: the file loads and changes nothing for the collection's other tests. Its lines end in
        // CRLF so that its bytes differ from the same stores another test of the collection loads (LF), which the intake
        // would refuse as content already loaded.
        await File.WriteAllTextAsync(file, (await QualityFiles.StoresAsTheyAreAsync(fixture)).Replace("\n", "\r\n", StringComparison.Ordinal));
        try
        {
            await browser.Page.GotoAsync(fixture.BaseUrl + "/uploads", new() { WaitUntil = WaitUntilState.Commit });
            await browser.Page.Locator("#upload-form[data-interactive=yes]").WaitForAsync();
            await browser.Page.Locator("input[type=file]").SetInputFilesAsync(file);
            var row = browser.Page.Locator("#uploads-table tbody tr").Filter(new() { HasText = name });
            // The page follows the job until the file is loaded.
            await Assertions.Expect(row).ToContainTextAsync("loaded", new() { Timeout = 90_000 });
            await Assertions.Expect(row).ToContainTextAsync(Manager);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        Assert.True(await browser.Page.Locator("#uploads-table tbody tr").CountAsync() >= 10);
        await browser.ScreenshotAsync("uploads-1440");

        var headers = await browser.Page.Locator("#uploads-table thead th").AllAsync();
        Assert.True(headers.Count >= 5);
        var table = await browser.Page.Locator("#uploads-table .mud-table-container").BoundingBoxAsync();
        Assert.NotNull(table);
        foreach (var header in headers)
        {
            var box = await header.BoundingBoxAsync();
            Assert.NotNull(box);
            var title = (await header.InnerTextAsync()).Trim();
            Assert.True(box.X + box.Width <= Width, $"The column '{title}' ends at {box.X + box.Width} px, past the window's {Width} px.");
            // Inside the window is not enough when the table's own box cuts the column off.
            Assert.True(box.X + box.Width <= table.X + table.Width + 0.5,
                $"The column '{title}' ends at {box.X + box.Width} px, past the table's edge at {table.X + table.Width} px.");
        }
        Assert.False(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"),
            "The page scrolls sideways.");
        Assert.Empty(browser.ConsoleErrors);
    }
}
