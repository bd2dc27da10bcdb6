using RetailInsights.Web.Warehouse;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetailInsights.Core.Anomalies;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Security;
using RetailInsights.Web.Components.Shared;
using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

/// <summary>
/// The Stores page in Chromium on the demo data: every figure it shows equals SQL on the facts (fact_sales, refunds)
/// for the filter in the URL, every chart drew, the unusual days are the facts' ones, and a click on a store's bar
/// shows that store alone.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class StoresBrowserTests(BrowserAppFixture fixture)
{
    private async Task<DateOnly> LatestDayAsync()
    {
        await DashboardBrowserTests.EnsureDemoDataAsync(fixture);
        return DateKeys.Day(await fixture.Database.ScalarAsync<int>("SELECT max(date_key) FROM fact_sales"));
    }

    private static string Key(DateOnly day) => day.ToString("yyyyMMdd");

    private Task<T> ScalarAsync<T>(string sql) => fixture.Database.ScalarAsync<T>(sql);

    private async Task<List<(string Key, decimal A, decimal B)>> RowsAsync(string sql)
    {
        var rows = new List<(string, decimal, decimal)>();
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetDecimal(1), reader.FieldCount > 2 ? reader.GetDecimal(2) : 0));
        return rows;
    }

    [Theory]
    [InlineData(Roles.Marketing, 14, 0, "")]
    [InlineData(Roles.Manager, 10, 2, "BDG-01,JKT-01")]
    public async Task Figures_equalSqlOnTheFacts_everyChartDrew_andUnusualDaysAreTheFactsOnes(string role, int days, int endsBefore, string stores)
    {
        var to = (await LatestDayAsync()).AddDays(-endsBefore);
        var from = to.AddDays(1 - days);
        var codes = stores.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var storeSql = codes.Length == 0 ? "" : $"AND f.store_id IN (SELECT store_id FROM dim_store WHERE store_code IN ({string.Join(',', codes.Select(c => $"'{c}'"))}))";
        var where = $"f.date_key BETWEEN {Key(from)} AND {Key(to)} {storeSql}";
        await using var browser = await DashboardBrowser.SignInAsync(fixture, role);

        await browser.OpenAsync($"/stores?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{string.Concat(codes.Select(c => $"&store={c}"))}");

        // Headline figures.
        var gross = await ScalarAsync<decimal>($"SELECT coalesce(sum(line_amount), 0) FROM fact_sales f WHERE {where}");
        var refunds = await ScalarAsync<decimal>($"SELECT coalesce(sum(amount), 0) FROM refunds f WHERE {where}");
        Assert.Equal(gross, await browser.KpiExactAsync("Gross revenue"));
        Assert.Equal(refunds, await browser.KpiExactAsync("Refunds"));
        Assert.Equal(gross - refunds, await browser.KpiExactAsync("Net revenue"));
        Assert.Equal(await ScalarAsync<long>($"SELECT count(DISTINCT (invoice, date_key, store_id)) FROM fact_sales f WHERE {where}"),
            await browser.KpiExactAsync("Transactions"));
        var space = await ScalarAsync<long>($"SELECT sum(size_sq_ft) FROM dim_store f WHERE true {storeSql}");
        Assert.Equal(Math.Round((gross - refunds) / space, 2), await browser.KpiExactAsync("Net per sq ft"));

        // Each store, and each region, against the facts.
        var perStore = await RowsAsync($"""
            SELECT s.store_code, coalesce(g.gross, 0), coalesce(r.amount, 0) FROM dim_store s
            LEFT JOIN (SELECT store_id, sum(line_amount) AS gross FROM fact_sales f WHERE {where} GROUP BY 1) g USING (store_id)
            LEFT JOIN (SELECT store_id, sum(amount) AS amount FROM refunds f WHERE {where} GROUP BY 1) r USING (store_id)
            WHERE g.gross IS NOT NULL OR r.amount IS NOT NULL
            """);
        Assert.Equal(perStore.Count, await browser.Page.Locator("#stores-figures tbody tr").CountAsync());
        foreach (var (code, storeGross, storeRefunds) in perStore)
        {
            var row = browser.Page.Locator($"#stores-figures tr[data-store='{code}']");
            Assert.Equal(Format.Money(storeGross), await row.Locator("[data-figure='gross']").InnerTextAsync());
            Assert.Equal(Format.Money(storeRefunds), await row.Locator("[data-figure='refunds']").InnerTextAsync());
            Assert.Equal(Format.Money(storeGross - storeRefunds), await row.Locator("[data-figure='net']").InnerTextAsync());
            Assert.Equal(Format.Count(await ScalarAsync<long>($"""
                SELECT count(DISTINCT (invoice, date_key, store_id)) FROM fact_sales f
                WHERE {where} AND f.store_id = (SELECT store_id FROM dim_store WHERE store_code = '{code}')
                """)), await row.Locator("[data-figure='transactions']").InnerTextAsync());
            var size = await ScalarAsync<int>($"SELECT size_sq_ft FROM dim_store WHERE store_code = '{code}'");
            Assert.Equal(Format.Money(Math.Round((storeGross - storeRefunds) / size, 2)), await row.Locator("[data-figure='per-sq-ft']").InnerTextAsync());
        }
        foreach (var (region, net, _) in await RowsAsync($"""
            SELECT s.region, sum(x.amount), 0 FROM dim_store s JOIN (
                SELECT store_id, line_amount AS amount FROM fact_sales f WHERE {where}
                UNION ALL SELECT store_id, -amount FROM refunds f WHERE {where}) x USING (store_id) GROUP BY 1
            """))
            Assert.Equal(Format.Money(net), await browser.Page.Locator($"#stores-regions-table tr[data-region='{region}'] [data-figure='net']").InnerTextAsync());

        // Every chart drew; each store's trend carries a marker per unusual day of the facts.
        foreach (var chart in new[] { "revenue-by-store", "net-per-sq-ft" })
        {
            Assert.True(await browser.ChartMarksAsync(chart) > 0);
            Assert.Equal(perStore.Count, await browser.Page.Locator($"#{chart} .trace.bars .point").CountAsync());
        }
        Assert.True(await browser.ChartMarksAsync("category-heatmap") > 0);
        Assert.True(await browser.ChartMarksAsync("hour-heatmap") > 0);
        var (storeFlags, productFlags) = await FlagsOfTheFactsAsync(from, to, storeSql);
        foreach (var (code, _, _) in perStore)
        {
            Assert.True(await browser.ChartMarksAsync($"trend-{StoreTrendGrid.Slug(code)}") > 0);
            var expected = storeFlags.Count(f => f.Key == code);
            Assert.Equal(expected.ToString(), await browser.Page.Locator($".store-trend[data-store='{code}']").GetAttributeAsync("data-flags"));
            Assert.Equal(expected, await browser.Page.Locator($"#trend-{StoreTrendGrid.Slug(code)} .scatterlayer .trace .point").CountAsync());
        }
        var unusual = storeFlags.Count + productFlags.Count;
        if (unusual == 0)
            await Assertions.Expect(browser.Page.Locator("[data-card='stores-unusual']")).ToHaveAttributeAsync("data-state", "empty");
        else
            await Assertions.Expect(browser.Page.Locator("#unusual-days")).ToHaveAttributeAsync("data-total", unusual.ToString());
        await browser.ScreenshotAsync(codes.Length == 0 ? "stores" : "stores-two-stores");

        // The heat maps' numbers, as their tables show them.
        await AssertNumbersAsync(browser, "stores-hours", await RowsAsync($"""
            SELECT coalesce(s.name, s.store_code) || ' ' || to_char(extract(hour FROM f.invoiced_at), 'FM00') || ':00',
                   count(DISTINCT (f.invoice, f.date_key, f.store_id)), 0
            FROM fact_sales f JOIN dim_store s USING (store_id) WHERE {where} GROUP BY 1
            """), value => Format.Count((long)value));
        await AssertNumbersAsync(browser, "stores-categories", await RowsAsync($"""
            SELECT coalesce(s.name, s.store_code) || ' ' || CASE WHEN coalesce(p.category, '') = '' THEN 'uncategorized' ELSE p.category END,
                   sum(f.line_amount), 0
            FROM fact_sales f JOIN dim_store s USING (store_id) JOIN dim_product p USING (product_id) WHERE {where} GROUP BY 1
            """), Format.Money);
        Assert.Empty(browser.ConsoleErrors);
    }

    // Opens a card's numbers and checks each non-zero cell against the facts (store and column, then the value).
    private static async Task AssertNumbersAsync(DashboardBrowser browser, string card, List<(string Key, decimal Value, decimal _)> expected,
        Func<decimal, string> format)
    {
        await browser.Page.Locator($"[data-numbers-toggle='{card}']").ClickAsync();
        var table = browser.Page.Locator($"[data-numbers='{card}']");
        await table.WaitForAsync();
        var rows = await table.EvaluateAsync<string[][]>("t => [...t.querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()))");
        var cells = rows.Where(r => r[2] != "0").ToDictionary(r => $"{r[0]} {r[1]}", r => r[2]);
        Assert.Equal(expected.Select(e => e.Key).Order(), cells.Keys.Order());
        foreach (var (key, value, _) in expected)
            Assert.Equal(format(value), cells[key]);
        await browser.Page.Locator($"[data-numbers-toggle='{card}']").ClickAsync();
    }

    private async Task<(List<Anomaly> Stores, List<Anomaly> Products)> FlagsOfTheFactsAsync(DateOnly from, DateOnly to, string storeSql)
    {
        var span = $"f.date_key BETWEEN {Key(DayFlags.HistoryFrom(from))} AND {Key(to)} {storeSql}";
        async Task<List<Anomaly>> FlagsAsync(string sql) => (await RowsAsync(sql))
            .Select(r => (Code: r.Key[..r.Key.IndexOf('|')], Day: new DailyValue(DateKeys.Day(int.Parse(r.Key[(r.Key.IndexOf('|') + 1)..])), r.A)))
            .GroupBy(r => r.Code).SelectMany(g => DayFlags.InRange(g.Key, g.Select(r => r.Day), from, to)).ToList();
        return (
            await FlagsAsync($"SELECT s.store_code || '|' || f.date_key, sum(f.line_amount) FROM fact_sales f JOIN dim_store s USING (store_id) WHERE {span} GROUP BY 1"),
            await FlagsAsync($"""
                SELECT p.stock_code || '|' || f.date_key, sum(f.line_amount) FROM fact_sales f JOIN dim_product p USING (product_id)
                WHERE {span} AND NOT p.is_non_product GROUP BY 1
                """));
    }

    [Fact]
    public async Task ClickingAStoresBar_filtersThePageToThatStore()
    {
        var to = await LatestDayAsync();
        var from = to.AddDays(-6);
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        await browser.OpenAsync($"/stores?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        await browser.ChartMarksAsync("revenue-by-store");

        await browser.ClickChartMarkAsync(browser.Page.Locator("#revenue-by-store .main-svg .trace.bars path").Last);

        await browser.Page.WaitForURLAsync(new Regex("store="), new() { WaitUntil = WaitUntilState.Commit });
        var code = Uri.UnescapeDataString(new Regex("store=([^&]*)").Match(browser.Page.Url).Groups[1].Value);
        await browser.WaitForCardsAsync();
        var gross = await ScalarAsync<decimal>($"""
            SELECT sum(line_amount) FROM fact_sales f
            WHERE f.date_key BETWEEN {Key(from)} AND {Key(to)} AND f.store_id = (SELECT store_id FROM dim_store WHERE store_code = '{code}')
            """);
        await Assertions.Expect(browser.Page.Locator("[data-kpi-exact='Gross revenue']")).ToHaveTextAsync(Format.Money(gross));
        await Assertions.Expect(browser.Page.Locator("#stores-figures tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(code, await browser.Page.Locator("#stores-figures tbody tr").GetAttributeAsync("data-store"));
        Assert.True(await browser.ChartMarksAsync("revenue-by-store") > 0);
        Assert.Equal(1, await browser.Page.Locator("#revenue-by-store .trace.bars .point").CountAsync());
        Assert.Equal(1, await browser.Page.Locator(".store-trend").CountAsync());
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task NumbersDownload_isTheChartsFiguresAsCsv()
    {
        var to = await LatestDayAsync();
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        await browser.OpenAsync($"/stores?from={to.AddDays(-6):yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        // The chart draws once the live circuit runs, and then the button answers.
        await browser.ChartMarksAsync("revenue-by-store");
        await browser.Page.Locator("[data-numbers-toggle='stores-revenue']").ClickAsync();

        var download = await browser.Page.RunAndWaitForDownloadAsync(() => browser.Page.Locator("[data-download='stores-revenue']").ClickAsync());

        var lines = File.ReadAllLines(await download.PathAsync()).Select(l => l.TrimStart('\uFEFF')).ToList();
        Assert.Equal("stores-revenue.csv", download.SuggestedFilename);
        Assert.Equal("Store,Code,Region,Net,Net before", lines[0]);
        var jakarta = lines.Single(l => l.Contains(",JKT-01,", StringComparison.Ordinal)).Split(',');
        var where = $"f.date_key BETWEEN {Key(to.AddDays(-6))} AND {Key(to)} AND f.store_id = (SELECT store_id FROM dim_store WHERE store_code = 'JKT-01')";
        Assert.Equal(await ScalarAsync<decimal>($"SELECT sum(line_amount) FROM fact_sales f WHERE {where}")
            - await ScalarAsync<decimal>($"SELECT coalesce(sum(amount), 0) FROM refunds f WHERE {where}"),
            decimal.Parse(jakarta[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(browser.ConsoleErrors);
    }
}
