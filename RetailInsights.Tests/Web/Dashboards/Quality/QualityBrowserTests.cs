using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Dashboards;
using RetailInsights.Web.Security;
using RetailInsights.Web.Dashboards.Quality;

namespace RetailInsights.Tests.Web.Dashboards.Quality;

/// <summary>
/// The data-quality page in Chromium, as a manager and an admin would read it: its figures equal SQL on the uploads (and
/// the kept rejected lines, and the facts for freshness) for the default days and for one source system, every chart
/// draws, a click on a load opens it, and the console stays clean.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class QualityBrowserTests(BrowserAppFixture fixture)
{
    private static string Range(DateOnly from, DateOnly to) =>
        $"uploaded_at >= timestamptz '{from:yyyy-MM-dd} 00:00:00+00' AND uploaded_at < timestamptz '{to.AddDays(1):yyyy-MM-dd} 00:00:00+00'";

    [Theory]
    [InlineData(Roles.Manager, "")]
    [InlineData(Roles.Admin, QualityFiles.SecondSource)]
    public async Task QualityPage_figuresEqualSqlOnUploads_andEveryChartDraws(string role, string source)
    {
        await QualityFiles.EnsureLoadedAsync(fixture);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-29), today);
        await using var browser = await DashboardBrowser.SignInAsync(fixture, role);

        await browser.OpenAsync(source.Length == 0 ? "/quality" : $"/quality?source={source}");

        // A source's live-events row (kind 'events') is no file: the page leaves it out, and so does the reference.
        var where = $"{Range(from, to)} AND kind <> 'events' {(source.Length == 0 ? "" : $"AND retailer_code = '{source}'")}";
        Assert.Equal(await Sql<long>($"SELECT count(*) FROM uploads WHERE {where}"), await browser.KpiExactAsync("Files"));
        Assert.Equal(await Sql<decimal>($"SELECT sum(rows_read) FROM uploads WHERE {where}"), await browser.KpiExactAsync("Rows read"));
        Assert.Equal(await Sql<decimal>($"SELECT sum(rows_rejected) FROM uploads WHERE {where}"), await browser.KpiExactAsync("Rows rejected"));
        Assert.Equal(await Sql<long>($"SELECT count(*) FROM uploads WHERE {where} AND status IN ('failed', 'refused')"),
            await browser.KpiExactAsync("Failed or refused files"));
        var taken = await Sql<decimal>($"SELECT sum(rows_accepted + rows_duplicate) FROM uploads WHERE {where}");
        var read = await Sql<decimal>($"SELECT sum(rows_read) FROM uploads WHERE {where}");
        Assert.Equal($"{taken:N0} of {read:N0} rows", (await browser.Page.Locator("[data-kpi-exact='Accepted share']").InnerTextAsync()).Trim());

        // Every rejected line of these small files is kept with its reasons: the reports' counts must equal them.
        var kept = await fixture.Database.DataSource.CreateCommand($"""
            SELECT reason, count(*) FROM rejected_rows r JOIN uploads u USING (upload_id), unnest(r.reason_codes) reason
            WHERE {where.Replace("uploaded_at", "u.uploaded_at").Replace("retailer_code", "u.retailer_code")} GROUP BY reason
            """).ExecuteReaderAsync();
        var expected = new Dictionary<string, long>();
        while (await kept.ReadAsync())
            expected[kept.GetString(0)] = kept.GetInt64(1);
        await kept.DisposeAsync();
        Assert.NotEmpty(expected);
        var shown = new Dictionary<string, long>();
        foreach (var row in await browser.Page.Locator("#reason-totals-table tr[data-reason]").AllAsync())
            shown[(await row.GetAttributeAsync("data-reason"))!] = Number(await row.Locator("[data-rows]").InnerTextAsync());
        Assert.Equal(expected.OrderBy(e => e.Key), shown.OrderBy(e => e.Key));

        var customers = await Sql<double>($"""
            SELECT sum((quality_report -> 'completeness' ->> 'Customer ID')::float8 * rows_read) / sum(rows_read)
            FROM uploads WHERE {where} AND kind = 'transactions' AND quality_report -> 'completeness' ? 'Customer ID'
            """);
        Assert.Equal(QualityShare.Format(customers),
            (await browser.Page.Locator("#completeness-table tr[data-column='transactions:Customer ID'] [data-overall]").InnerTextAsync()).Trim());

        // Freshness: each source's latest sale day is the latest day of its facts.
        foreach (var row in await browser.Page.Locator("#source-freshness tr[data-source]").AllAsync())
        {
            var code = await row.GetAttributeAsync("data-source");
            var latest = await Sql<int?>($"SELECT max(date_key) FROM fact_sales WHERE retailer_id = (SELECT retailer_id FROM dim_retailer WHERE code = '{code}')");
            Assert.Equal(latest is { } key ? $"{key / 10000:0000}-{key / 100 % 100:00}-{key % 100:00}" : "—", await row.GetAttributeAsync("data-latest-sale"));
        }
        // Every source system the warehouse knows (other tests of the collection may add some), or the one chosen.
        var sources = source.Length == 0
            ? await Sql<long>($"SELECT count(*) FROM (SELECT code FROM dim_retailer UNION SELECT retailer_code FROM uploads WHERE {where}) s")
            : 1;
        Assert.True(sources >= (source.Length == 0 ? 2 : 1));
        Assert.Equal(sources, await browser.Page.Locator("#source-freshness tr[data-source]").CountAsync());

        var failures = await Sql<long>($"SELECT count(*) FROM uploads WHERE {where} AND status IN ('failed', 'refused')");
        Assert.Equal(Math.Min(failures, 10), await browser.Page.Locator("#recent-failures tr[data-upload]").CountAsync());

        // The CSV beside the loads holds every load the charts draw, newest last, as the uploads table has them.
        var csv = Uri.UnescapeDataString((await browser.Page.Locator("[data-csv=loads]").GetAttributeAsync("href"))!.Split(',', 2)[1]);
        var csvIds = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture));
        var loadIds = await fixture.Database.DataSource.CreateCommand(
            $"SELECT upload_id FROM uploads WHERE {where} ORDER BY upload_id DESC LIMIT 500").ExecuteReaderAsync();
        var expectedIds = new List<long>();
        while (await loadIds.ReadAsync())
            expectedIds.Add(loadIds.GetInt64(0));
        await loadIds.DisposeAsync();
        expectedIds.Reverse();
        Assert.Equal(expectedIds, csvIds);

        Assert.True(await browser.ChartMarksAsync("accepted-share-chart") > 0);
        Assert.True(await browser.ChartMarksAsync("rejected-reasons-chart") > 0);
        Assert.True(await browser.ChartMarksAsync("completeness-chart") > 0);
        if (source.Length == 0)
            await browser.ScreenshotAsync("quality");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task ClickingALoadInTheChart_opensThatUpload()
    {
        await QualityFiles.EnsureLoadedAsync(fixture);
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Manager);
        await browser.OpenAsync($"/quality?source={QualityFiles.SecondSource}");
        await browser.ChartMarksAsync("rejected-reasons-chart");

        // The chart is below the fold at 1000 px high: the mouse can only click what is in the viewport.
        await browser.Page.Locator("#rejected-reasons-chart").ScrollIntoViewIfNeededAsync();
        await browser.ClickChartMarkAsync(browser.Page.Locator("#rejected-reasons-chart .main-svg .trace.bars path").First);

        await browser.Page.WaitForURLAsync(new Regex(@"/uploads/\d+$"), new() { WaitUntil = WaitUntilState.Commit });
        var id = long.Parse(new Regex(@"/uploads/(\d+)$").Match(browser.Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        // The only file of that source with rejected lines that loaded: its page opens with its rejected lines.
        Assert.Equal(QualityFiles.PartlyBadFile, await Sql<string>($"SELECT file_name FROM uploads WHERE upload_id = {id}"));
        await Assertions.Expect(browser.Page.Locator("h4")).ToContainTextAsync(QualityFiles.PartlyBadFile);
        await Assertions.Expect(browser.Page.Locator("#rejected-rows tbody tr")).ToHaveCountAsync(3);
        Assert.Empty(browser.ConsoleErrors);
    }

    private Task<T> Sql<T>(string sql) => fixture.Database.ScalarAsync<T>(sql);

    private static long Number(string text) => long.Parse(text.Trim().Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
