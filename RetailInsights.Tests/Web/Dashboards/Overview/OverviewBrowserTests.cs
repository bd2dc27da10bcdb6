using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Dashboards.Overview;

/// <summary>The Overview in Chromium on demo data: its figures equal SQL on the facts for the filter in the URL, and its charts work.</summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class OverviewBrowserTests(BrowserAppFixture fixture)
{
    private async Task<(DateOnly From, DateOnly To)> LastDaysAsync(int days)
    {
        await DashboardBrowserTests.EnsureDemoDataAsync(fixture);
        var latest = await fixture.Database.ScalarAsync<int>("SELECT max(date_key) FROM fact_sales");
        var to = new DateOnly(latest / 10000, latest / 100 % 100, latest % 100);
        return (to.AddDays(1 - days), to);
    }

    private static string Key(DateOnly day) => day.ToString("yyyyMMdd");

    [Theory]
    [InlineData(Roles.Marketing, "", "")]
    [InlineData(Roles.Manager, "&store={store}", "AND f.store_id = (SELECT store_id FROM dim_store WHERE store_code = '{store}')")]
    public async Task Kpis_equalSqlOnTheFacts_forTheFilterInTheUrl(string role, string storeQuery, string storeSql)
    {
        var (from, to) = await LastDaysAsync(14);
        var store = await fixture.Database.ScalarAsync<string>("SELECT min(store_code) FROM dim_store");
        await using var browser = await DashboardBrowser.SignInAsync(fixture, role);

        await browser.OpenAsync($"/?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{storeQuery.Replace("{store}", store)}");

        var where = $"f.date_key BETWEEN {Key(from)} AND {Key(to)} {storeSql.Replace("{store}", store)}";
        Assert.Equal(await fixture.Database.ScalarAsync<decimal>($"SELECT coalesce(sum(line_amount), 0) FROM fact_sales f WHERE {where}"),
            await browser.KpiExactAsync("Gross revenue"));
        Assert.Equal(await fixture.Database.ScalarAsync<decimal>($"SELECT coalesce(sum(amount), 0) FROM refunds f WHERE {where}"),
            await browser.KpiExactAsync("Refunds"));
        Assert.Equal(await fixture.Database.ScalarAsync<long>($"SELECT count(DISTINCT (invoice, date_key, store_id)) FROM fact_sales f WHERE {where}"),
            await browser.KpiExactAsync("Transactions"));
        Assert.Equal(await fixture.Database.ScalarAsync<long>($"SELECT count(DISTINCT customer_id) FROM fact_sales f WHERE {where}"),
            await browser.KpiExactAsync("Customers"));
        Assert.True(await browser.ChartMarksAsync("category-chart") > 0);
        Assert.True(await browser.ChartMarksAsync("spark-gross-revenue") > 0);
        await browser.ScreenshotAsync(storeQuery.Length == 0 ? "overview" : "overview-one-store");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task ClickingACategoryInTheChart_filtersThePageByIt()
    {
        var (from, to) = await LastDaysAsync(7);
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        await browser.OpenAsync($"/?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        await browser.ChartMarksAsync("category-chart");

        await browser.ClickChartMarkAsync(browser.Page.Locator("#category-chart .main-svg .trace.bars path").Last);

        await browser.Page.WaitForURLAsync(new Regex("category="), new() { WaitUntil = WaitUntilState.Commit });
        var category = Uri.UnescapeDataString(new Regex("category=([^&]*)").Match(browser.Page.Url).Groups[1].Value);
        var gross = await fixture.Database.ScalarAsync<decimal>($"""
            SELECT sum(f.line_amount) FROM fact_sales f JOIN dim_product p USING (product_id)
            WHERE f.date_key BETWEEN {Key(from)} AND {Key(to)} AND coalesce(p.category, '') = '{category}'
            """);
        await Assertions.Expect(browser.Page.Locator("[data-kpi-exact='Gross revenue']")).ToHaveTextAsync(RetailInsights.Web.Infrastructure.Format.Money(gross));
        Assert.True(gross < await fixture.Database.ScalarAsync<decimal>($"SELECT sum(line_amount) FROM fact_sales f WHERE f.date_key BETWEEN {Key(from)} AND {Key(to)}"));
        Assert.Empty(browser.ConsoleErrors);
    }
}
