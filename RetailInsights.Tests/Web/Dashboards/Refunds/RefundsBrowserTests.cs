using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Security;
using RetailInsights.Web.Components.Shared;
using RetailInsights.Web.Dashboards.Refunds;

namespace RetailInsights.Tests.Web.Dashboards.Refunds;

/// <summary>
/// The Refunds page in Chromium on demo data: every figure it shows (headline, the rate by product, store, reason and
/// day, the largest refunds) equals SQL on the facts (refunds, fact_sales) for the filter in the URL, every chart drew,
/// and a click on a product or a store filters the page to it.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class RefundsBrowserTests(BrowserAppFixture fixture)
{
    private async Task<(DateOnly From, DateOnly To)> LastDaysAsync(int days)
    {
        await DashboardBrowserTests.EnsureDemoDataAsync(fixture);
        var latest = await fixture.Database.ScalarAsync<int>("SELECT max(date_key) FROM fact_sales");
        var to = new DateOnly(latest / 10000, latest / 100 % 100, latest % 100);
        return (to.AddDays(1 - days), to);
    }

    private static string Key(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Range(DateOnly from, DateOnly to) => $"?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    /// <summary>The filter over the facts: refunds and fact_sales (aliased f) both carry date_key, store_id, product_id.</summary>
    private static string Where(DateOnly from, DateOnly to, string? store = null, string? category = null, string? product = null) =>
        $"f.date_key BETWEEN {Key(from)} AND {Key(to)}"
        + (store is null ? "" : $" AND f.store_id = (SELECT store_id FROM dim_store WHERE store_code = '{store}')")
        + (category is null ? "" : $" AND f.product_id IN (SELECT product_id FROM dim_product WHERE coalesce(category, '') = '{category}')")
        + (product is null ? "" : $" AND f.product_id = (SELECT product_id FROM dim_product WHERE stock_code = '{product}')");

    private async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private Task<decimal> RefundedAsync(string where) => fixture.Database.ScalarAsync<decimal>($"SELECT coalesce(sum(amount), 0) FROM refunds f WHERE {where}");

    private Task<decimal> SoldAsync(string where) => fixture.Database.ScalarAsync<decimal>($"SELECT coalesce(sum(line_amount), 0) FROM fact_sales f WHERE {where}");

    /// <summary>A row as the tables show it: key | refunds | refunded | sold | rate.</summary>
    private static string Shown(object key, long refunds, decimal refunded, decimal sold) =>
        $"{key}|{Format.Count(refunds)}|{Format.Money(refunded)}|{Format.Money(sold)}|{RefundRates.Text(RefundRates.Of(refunded, sold))}";

    private static async Task<string[]> TableAsync(DashboardBrowser browser, string toggle, string table)
    {
        await browser.Page.Locator($"[data-toggle-table='{toggle}']").ClickAsync();
        await browser.Page.Locator($"#{table} tbody tr").First.WaitForAsync();
        return await browser.Page.EvaluateAsync<string[]>("""
            id => [...document.querySelectorAll(`#${id} tbody tr`)].map(tr =>
                [tr.dataset.key ?? tr.dataset.day, ...['refunds', 'refunded', 'sold', 'rate'].map(c => tr.querySelector(`[data-${c}]`)?.innerText.trim() ?? '')].join('|'))
            """, table);
    }

    [Theory]
    [InlineData(Roles.Marketing, 14, false)]
    [InlineData(Roles.Manager, 10, true)]
    public async Task Figures_equalSqlOnTheFacts_forTheFilterInTheUrl(string role, int days, bool oneStoreAndCategory)
    {
        var (from, to) = await LastDaysAsync(days);
        var store = oneStoreAndCategory ? await fixture.Database.ScalarAsync<string>("SELECT min(store_code) FROM dim_store") : null;
        var category = oneStoreAndCategory
            ? await fixture.Database.ScalarAsync<string>($"""
                SELECT coalesce(p.category, '') FROM refunds f JOIN dim_product p USING (product_id) WHERE {Where(from, to, store)}
                GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
                """)
            : null;
        var where = Where(from, to, store, category);
        var previous = Where(from.AddDays(-days), from.AddDays(-1), store, category);
        await using var browser = await DashboardBrowser.SignInAsync(fixture, role);

        await browser.OpenAsync("/refunds" + Range(from, to) + (store is null ? "" : $"&store={store}&category={Uri.EscapeDataString(category!)}"));

        // The headline, against the period before.
        var (refunded, sold) = (await RefundedAsync(where), await SoldAsync(where));
        Assert.True(refunded > 0 && sold > 0, "the demo data has refunds and sales in this view");
        Assert.Equal(refunded, await browser.KpiExactAsync("Refunded"));
        Assert.Equal(await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM refunds f WHERE {where}"), await browser.KpiExactAsync("Refunds"));
        Assert.Equal(sold, await browser.KpiExactAsync("Sold"));
        Assert.Equal(RefundRates.Text(RefundRates.Of(refunded, sold)), (await browser.Page.Locator("[data-kpi='Refund rate']").InnerTextAsync()).Trim());
        Assert.Equal($"{Format.Money(refunded)} ÷ {Format.Money(sold)}", (await browser.Page.Locator("[data-kpi-exact='Refund rate']").InnerTextAsync()).Trim());
        var previousRate = RefundRates.Of(await RefundedAsync(previous), await SoldAsync(previous));
        Assert.Contains($"{RefundRates.PointsChange(RefundRates.Of(refunded, sold), previousRate)} from {RefundRates.Text(previousRate)}",
            await browser.Page.Locator("[data-kpi-card='Refund rate']").InnerTextAsync());

        // Every chart drew; the products chart has a bar for each listed product that sold in these days.
        var products = await RowsAsync($"""
            WITH top AS (SELECT p.stock_code, count(*) AS refunds, sum(f.amount) AS amount FROM refunds f JOIN dim_product p USING (product_id)
                         WHERE {where} GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT {RefundQueries.ProductsShown})
            SELECT t.stock_code, t.refunds, t.amount, coalesce((SELECT sum(line_amount) FROM fact_sales f JOIN dim_product p USING (product_id)
                                                               WHERE {where} AND p.stock_code = t.stock_code), 0)
            FROM top t ORDER BY t.amount DESC, t.stock_code
            """);
        foreach (var chart in new[] { "refund-rate-by-product", "refund-rate-by-store", "refund-rate-by-reason", "refund-rate-trend", "spark-refunded" })
            Assert.True(await browser.ChartMarksAsync(chart) > 0, $"{chart} drew nothing");
        Assert.Equal(products.Count(p => (decimal)p[3] > 0), await browser.Page.Locator("#refund-rate-by-product .trace.bars .point path").CountAsync());
        await browser.ScreenshotAsync(store is null ? "refunds" : "refunds-one-store-one-category");

        // The tables beside the charts.
        Assert.Equal(products.Select(p => Shown(p[0], (long)p[1], (decimal)p[2], (decimal)p[3])),
            await TableAsync(browser, "products", "refunds-products-table"));
        var stores = await RowsAsync($"""
            SELECT s.store_code, coalesce(r.refunds, 0), coalesce(r.amount, 0), coalesce(d.gross, 0) FROM dim_store s
            LEFT JOIN (SELECT store_id, count(*) AS refunds, sum(amount) AS amount FROM refunds f WHERE {where} GROUP BY 1) r USING (store_id)
            LEFT JOIN (SELECT store_id, sum(line_amount) AS gross FROM fact_sales f WHERE {where} GROUP BY 1) d USING (store_id)
            WHERE r.store_id IS NOT NULL OR d.store_id IS NOT NULL ORDER BY 3 DESC, 1
            """);
        Assert.Equal(stores.Select(s => Shown(s[0], (long)s[1], (decimal)s[2], (decimal)s[3])), await TableAsync(browser, "stores", "refunds-stores-table"));
        var reasons = await RowsAsync($"SELECT reason, count(*), sum(amount) FROM refunds f WHERE {where} GROUP BY 1 ORDER BY 3 DESC, 1");
        Assert.Equal(reasons.Select(r => Shown(r[0], (long)r[1], (decimal)r[2], sold)), await TableAsync(browser, "reasons", "refunds-reasons-table"));
        var daysShown = await RowsAsync($"""
            SELECT to_char(d, 'YYYY-MM-DD'), coalesce(r.refunds, 0), coalesce(r.amount, 0), coalesce(s.gross, 0)
            FROM generate_series('{from:yyyy-MM-dd}'::date, '{to:yyyy-MM-dd}'::date, interval '1 day') d
            LEFT JOIN (SELECT date_key, count(*) AS refunds, sum(amount) AS amount FROM refunds f WHERE {where} GROUP BY 1) r
                   ON r.date_key = to_char(d, 'YYYYMMDD')::int
            LEFT JOIN (SELECT date_key, sum(line_amount) AS gross FROM fact_sales f WHERE {where} GROUP BY 1) s ON s.date_key = to_char(d, 'YYYYMMDD')::int
            ORDER BY d
            """);
        Assert.Equal(daysShown.Select(d => Shown(d[0], (long)d[1], (decimal)d[2], (decimal)d[3])), await TableAsync(browser, "days", "refunds-days-table"));

        var largest = await RowsAsync($"SELECT refund_code, amount FROM refunds f WHERE {where} ORDER BY amount DESC, refunded_at DESC, refund_id LIMIT {RefundQueries.LargestShown}");
        Assert.Equal(largest.Select(r => $"{r[0]}|{Format.Money((decimal)r[1])}"), await browser.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#largest-refunds-table tbody tr')].map(tr => tr.dataset.refund + '|' + tr.querySelector('[data-amount]').innerText.trim())
            """));
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task ClickingAProductBar_filtersThePageToThatProduct()
    {
        var (from, to) = await LastDaysAsync(14);
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        await browser.OpenAsync("/refunds" + Range(from, to));
        await browser.ChartMarksAsync("refund-rate-by-product");

        await browser.ClickChartMarkAsync(browser.Page.Locator("#refund-rate-by-product .trace.bars .point path").First);

        await browser.Page.WaitForURLAsync(new Regex("product="), new() { WaitUntil = WaitUntilState.Commit });
        var product = Uri.UnescapeDataString(new Regex("product=([^&]*)").Match(browser.Page.Url).Groups[1].Value);
        var where = Where(from, to, product: product);
        await Assertions.Expect(browser.Page.Locator("[data-kpi-exact='Refunded']")).ToHaveTextAsync(Format.Money(await RefundedAsync(where)));
        await Assertions.Expect(browser.Page.Locator("[data-kpi-exact='Sold']")).ToHaveTextAsync(Format.Money(await SoldAsync(where)));
        Assert.True(await RefundedAsync(where) < await RefundedAsync(Where(from, to)));
        var description = await fixture.Database.ScalarAsync<string>($"SELECT description FROM dim_product WHERE stock_code = '{product}'");
        await Assertions.Expect(browser.Page.Locator("#product-filter")).ToContainTextAsync(description);
        await Assertions.Expect(browser.Page.Locator("#refund-rate-by-product .trace.bars .point path")).ToHaveCountAsync(1);
        Assert.True(await browser.ChartMarksAsync("refund-rate-by-store") > 0);
        await browser.WaitForCardsAsync();
        await browser.ScreenshotAsync("refunds-one-product");

        // The chip's close button takes the product off again.
        await browser.Page.Locator("#product-filter .mud-chip-close-button").ClickAsync();
        await browser.Page.WaitForURLAsync(url => !url.Contains("product="), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(browser.Page.Locator("[data-kpi-exact='Refunded']")).ToHaveTextAsync(Format.Money(await RefundedAsync(Where(from, to))));
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task ClickingAStoreBar_thenAProductInTheLargestRefunds_filtersThePageByBoth()
    {
        var (from, to) = await LastDaysAsync(14);
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Manager);
        await browser.OpenAsync("/refunds" + Range(from, to));
        await browser.ChartMarksAsync("refund-rate-by-store");

        await browser.ClickChartMarkAsync(browser.Page.Locator("#refund-rate-by-store .trace.bars .point path").Last);

        await browser.Page.WaitForURLAsync(new Regex("store="), new() { WaitUntil = WaitUntilState.Commit });
        var store = Uri.UnescapeDataString(new Regex("store=([^&]*)").Match(browser.Page.Url).Groups[1].Value);
        await Assertions.Expect(browser.Page.Locator("[data-kpi-exact='Refunded']")).ToHaveTextAsync(Format.Money(await RefundedAsync(Where(from, to, store))));
        await Assertions.Expect(browser.Page.Locator("[data-kpi-exact='Sold']")).ToHaveTextAsync(Format.Money(await SoldAsync(Where(from, to, store))));
        await Assertions.Expect(browser.Page.Locator("#refund-rate-by-store .trace.bars .point path")).ToHaveCountAsync(1);
        await browser.WaitForCardsAsync();
        var codes = await browser.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#largest-refunds-table [data-store]')].map(a => a.dataset.store)");
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Equal(store, code));

        var first = browser.Page.Locator("#largest-refunds-table [data-product]").First;
        var product = await first.GetAttributeAsync("data-product");
        await first.ClickAsync();

        await browser.Page.WaitForURLAsync(new Regex("product="), new() { WaitUntil = WaitUntilState.Commit });
        Assert.Contains($"store={store}", browser.Page.Url);
        Assert.Contains($"product={Uri.EscapeDataString(product!)}", browser.Page.Url);
        await Assertions.Expect(browser.Page.Locator("[data-kpi-exact='Refunded']"))
            .ToHaveTextAsync(Format.Money(await RefundedAsync(Where(from, to, store, product: product))));
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task CsvDownload_holdsTheFiguresOfTheTable()
    {
        var (from, to) = await LastDaysAsync(7);
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        await browser.OpenAsync("/refunds" + Range(from, to));
        var reasons = await RowsAsync($"SELECT reason, count(*), sum(amount) FROM refunds f WHERE {Where(from, to)} GROUP BY 1 ORDER BY 3 DESC, 1");
        var sold = await SoldAsync(Where(from, to));

        var download = await browser.Page.RunAndWaitForDownloadAsync(() => browser.Page.Locator("[data-csv='reasons']").ClickAsync());

        Assert.Equal($"refunds-reasons-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).ToList();
        Assert.Equal("Reason,Name,Refunds,Refunded,Sold,RefundRate", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(reasons.Select(r => ((string)r[0], RefundRates.ReasonName((string)r[0]), (long)r[1], (decimal)r[2], sold)),
            rows.Select(f => (f[0], f[1], long.Parse(f[2], CultureInfo.InvariantCulture), decimal.Parse(f[3], CultureInfo.InvariantCulture),
                decimal.Parse(f[4], CultureInfo.InvariantCulture))));
        Assert.All(rows.Zip(reasons), pair => Assert.Equal(RefundRates.Of((decimal)pair.Second[2], sold)!.Value,
            double.Parse(pair.First[5], CultureInfo.InvariantCulture), 6));
        Assert.Empty(browser.ConsoleErrors);
    }
}
