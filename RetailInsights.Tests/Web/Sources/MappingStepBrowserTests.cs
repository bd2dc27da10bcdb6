using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Dashboards;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Sources;

namespace RetailInsights.Tests.Web.Sources;

/// <summary>
/// A manager in Chromium brings a franchise file whose header its source has not mapped: the mapping step shows the
/// file, guesses every field, validates the sample live, saves the mapping as a new version and loads the file.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class MappingStepBrowserTests(BrowserAppFixture fixture)
{
    private const string Manager = "manager@retailinsights.local";

    [Fact]
    public async Task Manager_mapsAnUnmappedFile_seesTheSampleChecked_savesTheMapping_andTheFileLoads()
    {
        var code = $"fr-{Guid.NewGuid():N}"[..12];
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync(code,
                new SourceChange { Name = "Franchise North", Kinds = ["transactions"] }, "test", CancellationToken.None);
        var file = Path.Combine(Path.GetTempPath(), $"{code}.csv");
        await File.WriteAllTextAsync(file, SourceFiles.Franchise.Replace("536", "836"));
        var passwords = await DemoUsers.CreateAsync(fixture.Database);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        await page.SetViewportSizeAsync(1440, 1200);
        await DemoUsers.SignInAsync(page, fixture.BaseUrl, Manager, passwords[Manager]);

        await page.GotoAsync(fixture.BaseUrl + "/uploads", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#upload-form[data-interactive=yes]").WaitForAsync();
        await page.Locator(".mud-select:has(#upload-source)").Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = $"({code})" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.Locator("#mapping-step").WaitForAsync();

        // Every field guessed from names, aliases and values; the conventions from the values.
        Assert.Equal("4", await page.Locator("#map-invoicedate").InputValueAsync());
        Assert.Equal("5", await page.Locator("#map-customerid").InputValueAsync());
        Assert.Equal("0", await page.Locator("#map-invoice").InputValueAsync());
        Assert.Equal("day-first", await page.Locator("#map-date-order").InputValueAsync());
        Assert.Equal(",", await page.Locator("#map-decimal").InputValueAsync());
        await Assertions.Expect(page.Locator("#mapping-summary")).ToContainTextAsync("5 would load and 1 would be rejected");
        await Assertions.Expect(page.Locator("#mapping-rejected")).ToContainTextAsync("bad_date");
        Assert.Equal(7, await page.Locator("#mapping-sample thead th").CountAsync() - 1);

        // Live: taking the date away leaves a required field unmapped, and saving is not possible.
        await page.Locator("#map-invoicedate").SelectOptionAsync("-1");
        await Assertions.Expect(page.Locator("#mapping-missing")).ToContainTextAsync("Still to map: InvoiceDate");
        await Assertions.Expect(page.Locator("#save-mapping")).ToBeDisabledAsync();
        // A decimal point instead of the comma: the prices no longer read as the franchise writes them.
        await page.Locator("#map-invoicedate").SelectOptionAsync("4");
        await page.Locator("#map-decimal").SelectOptionAsync(".");
        await Assertions.Expect(page.Locator("#mapping-rejected")).ToContainTextAsync("bad_price");
        await page.Locator("#map-decimal").SelectOptionAsync(",");
        await Assertions.Expect(page.Locator("#mapping-summary")).ToContainTextAsync("5 would load and 1 would be rejected");

        Directory.CreateDirectory(DashboardBrowser.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardBrowser.ScreenshotFolder, "mapping-step.png"), FullPage = true });
        await page.Locator("#save-mapping").ClickAsync();
        await Assertions.Expect(page.Locator("#mapping-step")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("mapping version 2, saved now")).ToBeVisibleAsync();

        var upload = await WaitForLoadAsync(code);
        Assert.Equal(("loaded", 5L, 1L, 2), (upload.Status, upload.RowsAccepted, upload.RowsRejected, upload.MappingVersion));
        Assert.Equal(Manager, upload.UploadedBy);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var saved = (await scope.ServiceProvider.GetRequiredService<SourceCatalog>().GetAsync(code))!;
            Assert.Equal((2, Manager), (saved.Version, saved.SavedBy));
            Assert.Equal("InvoiceDate", saved.Mapping.CanonicalFor("sold_at"));
            Assert.Equal("Customer ID", saved.Mapping.CanonicalFor("member_no"));
            Assert.Equal((RetailInsights.Core.Ingestion.DateOrder.DayFirst, ','), (saved.Mapping.DateOrder, saved.Mapping.DecimalSeparator));
            Assert.Equal(["transactions"], saved.Kinds);
        }
        Assert.Empty(consoleErrors);
        File.Delete(file);
        await WaitForJobsAsync();
    }

    // The upload's job ends a moment after the upload row says loaded; the shared app stops only when its jobs are done.
    private async Task WaitForJobsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await fixture.Database.ScalarAsync<long>(
                   "SELECT count(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing') AND invocationdata::text LIKE '%ImportUploadJob%'") > 0
               && DateTime.UtcNow < deadline)
            await Task.Delay(250);
    }

    [Fact]
    public async Task Manager_openingTheSourcesAdminPage_isDenied()
    {
        var passwords = await DemoUsers.CreateAsync(fixture.Database);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await DemoUsers.SignInAsync(page, fixture.BaseUrl, Manager, passwords[Manager]);

        await page.GotoAsync(fixture.BaseUrl + "/admin/sources");

        Assert.Contains("/account/access-denied", page.Url);
    }

    private async Task<RetailInsights.Web.Data.Entities.Upload> WaitForLoadAsync(string code)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using var db = fixture.Database.CreateDbContext();
            var upload = await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.RetailerCode == code);
            if (upload?.Status is "loaded" or "failed" or "refused")
                return upload;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The upload of source {code} is still {upload?.Status ?? "not recorded"}");
            await Task.Delay(250);
        }
    }
}
