using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Dashboards.Segments;

namespace RetailInsights.Tests.Web.Dashboards.Segments;

/// <summary>
/// The Segments page in Chromium on the demo data (two runs, a week apart): its counts equal SQL on what the latest run
/// stored, every chart draws, and a click on a segment, a grid cell or a move lists exactly those customers.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class SegmentsBrowserTests(BrowserAppFixture fixture)
{
    private const string LatestRun = "(SELECT max(run_id) FROM analysis_runs WHERE status = 'succeeded')";

    private async Task<Dictionary<string, long>> CountsAsync(string sql)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
            counts[reader.GetValue(0).ToString()!] = reader.GetInt64(1);
        return counts;
    }

    private async Task<List<string>> CodesAsync(string sql)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await reader.ReadAsync())
            codes.Add(reader.GetString(0));
        return codes;
    }

    private static async Task<Dictionary<string, long>> ShownAsync(IPage page, string rows, string key, string value)
    {
        var shown = new Dictionary<string, long>();
        foreach (var row in await page.Locator(rows).AllAsync())
            shown[(await row.GetAttributeAsync(key))!] = long.Parse((await row.Locator($"[{value}]").GetAttributeAsync(value))!, CultureInfo.InvariantCulture);
        return shown;
    }

    /// <summary>Waits for the customer list to show a selection the page reports, and returns it with the count shown.</summary>
    private static async Task<(CustomerSelection Selection, long Total)> ListedAsync(IPage page, string mustContain)
    {
        var list = page.Locator("#customer-list");
        // Patient: the list pages from the database on a machine other developers share.
        await Assertions.Expect(list).ToHaveAttributeAsync("data-loaded", new Regex(Regex.Escape(mustContain)), new() { Timeout = 30_000 });
        var loaded = (await list.GetAttributeAsync("data-loaded"))!;
        var selection = CustomerSelection.Parse(loaded[loaded.IndexOf('?', StringComparison.Ordinal)..]).Selection!;
        return (selection, long.Parse((await list.GetAttributeAsync("data-total"))!, CultureInfo.InvariantCulture));
    }

    private static async Task<List<string>> ListedCodesAsync(IPage page) =>
        (await page.Locator("#customer-grid tbody tr td:first-child a").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();

    /// <summary>The centre of a heat map's cell: Plotly hears clicks on the plot area (its drag layer), not on the image.</summary>
    private static async Task ClickHeatmapCellAsync(DashboardBrowser browser, string chartId, int row, int rows, int column, int columns, bool rowsFromTop)
    {
        await browser.Page.Locator($"#{chartId} .hm image").WaitForAsync();
        var plot = browser.Page.Locator($"#{chartId} .nsewdrag").First;
        await plot.ScrollIntoViewIfNeededAsync();
        var area = await plot.BoundingBoxAsync() ?? throw new InvalidOperationException("no plot area");
        var y = rowsFromTop ? area.Y + (row + 0.5f) * area.Height / rows : area.Y + area.Height - (row + 0.5f) * area.Height / rows;
        await browser.Page.Mouse.ClickAsync(area.X + (column + 0.5f) * area.Width / columns, y);
    }

    [Theory]
    [InlineData(Roles.Marketing)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task SegmentsPage_countsEqualSqlOnTheLatestRun_andEveryChartDraws(string role)
    {
        await using var browser = await DashboardBrowser.SignInAsync(fixture, role);

        await browser.OpenAsync("/segments");
        // Plotly draws on the live page only: past this, the figures read are the live page's, not the prerendered ones.
        await browser.ChartMarksAsync("segment-sizes");
        await browser.WaitForCardsAsync();

        var db = fixture.Database;
        Assert.Equal(await db.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {LatestRun}"), await browser.KpiExactAsync("Customers scored"));
        Assert.Equal(await db.ScalarAsync<decimal>($"SELECT sum(monetary) FROM run_customers WHERE run_id = {LatestRun}"), await browser.KpiExactAsync("Their spend"));
        var bySegment = await CountsAsync($"SELECT segment, count(*) FROM run_customers WHERE run_id = {LatestRun} GROUP BY 1");
        var shownBySegment = await ShownAsync(browser.Page, "#segments-table tr[data-segment]", "data-segment", "data-customers");
        Assert.Equal(11, shownBySegment.Count);
        Assert.Equal(bySegment, shownBySegment.Where(s => s.Value > 0).ToDictionary());
        Assert.Equal(bySegment.GetValueOrDefault("Champions"), await browser.KpiExactAsync("Champions"));
        var byCluster = await CountsAsync($"SELECT cluster, count(*) FROM run_customers WHERE run_id = {LatestRun} GROUP BY 1");
        Assert.Equal(byCluster, await ShownAsync(browser.Page, "#clusters-table tr[data-cluster]", "data-cluster", "data-size"));
        var kTried = await CodesAsync($"SELECT k || ':' || to_char(silhouette, 'FM0.000') FROM run_k_choices WHERE run_id = {LatestRun} ORDER BY k");
        Assert.Equal(9, kTried.Count);
        var kShown = new List<string>();
        foreach (var row in await browser.Page.Locator("#k-choices-table tr[data-k]").AllAsync())
            kShown.Add($"{await row.GetAttributeAsync("data-k")}:{(await row.Locator("td").Nth(1).InnerTextAsync()).Trim()}");
        Assert.Equal(kTried, kShown);
        var chosen = await db.ScalarAsync<int>($"SELECT chosen_k FROM analysis_runs WHERE run_id = {LatestRun}");
        await Assertions.Expect(browser.Page.Locator($"#k-choices-table tr[data-k='{chosen}']")).ToContainTextAsync("(chosen)");
        await Assertions.Expect(browser.Page.Locator("#k-choice")).ToContainTextAsync($"chosen: k = {chosen}");

        Assert.Equal(2 * 11, await browser.Page.Locator("#segment-sizes .trace.bars .point").CountAsync());
        await browser.ChartMarksAsync("cluster-scatter");
        Assert.Equal(await db.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {LatestRun} AND plotted"),
            await browser.Page.Locator("#cluster-scatter .trace.scatter .point").CountAsync());
        Assert.True(await browser.ChartMarksAsync("k-choice") >= 9);
        await browser.Page.Locator("#segment-grid .hm image").WaitForAsync();
        await browser.Page.Locator("#segment-migration .hm image").WaitForAsync();
        var moved = await db.ScalarAsync<long>($"SELECT sum(customers) FROM run_segment_moves WHERE run_id = {LatestRun} AND from_segment NOT IN ('', to_segment)");
        Assert.Equal(await db.ScalarAsync<long>($"""
            SELECT count(*) FROM run_customers a JOIN run_customers b USING (customer_code)
            WHERE a.run_id = {LatestRun} AND b.run_id = (SELECT max(run_id) FROM analysis_runs WHERE status = 'succeeded' AND run_id < {LatestRun})
              AND a.segment <> b.segment
            """), moved);
        await Assertions.Expect(browser.Page.Locator("#migration-summary")).ToContainTextAsync($"{moved:N0} customers changed segment");
        await Assertions.Expect(browser.Page.Locator("#customer-list")).ToHaveAttributeAsync("data-total",
            (await db.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {LatestRun}")).ToString(CultureInfo.InvariantCulture));
        if (role == Roles.Marketing)
            await browser.ScreenshotAsync("segments");

        await browser.Page.Locator("#segment-grid-card .mud-expand-panel-header").ClickAsync();
        await browser.Page.Locator("#segment-grid-table").WaitForAsync();
        var byCell = await CountsAsync($"SELECT r || '/' || (f + m + 1) / 2, count(*) FROM run_customers WHERE run_id = {LatestRun} GROUP BY 1");
        var cellsShown = new Dictionary<string, long>();
        foreach (var cell in await browser.Page.Locator("#segment-grid-table td[data-fm]").AllAsync())
        {
            var r = await cell.Locator("xpath=..").GetAttributeAsync("data-r");
            cellsShown[$"{r}/{await cell.GetAttributeAsync("data-fm")}"] = long.Parse((await cell.GetAttributeAsync("data-customers"))!, CultureInfo.InvariantCulture);
        }
        Assert.Equal(25, cellsShown.Count);
        Assert.Equal(byCell, cellsShown.Where(c => c.Value > 0).ToDictionary());
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task ClickingASegmentBarOrAGridCell_listsExactlyItsCustomers()
    {
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        await browser.OpenAsync("/segments");
        await browser.ChartMarksAsync("segment-sizes");
        var largest = await fixture.Database.ScalarAsync<string>(
            $"SELECT segment FROM run_customers WHERE run_id = {LatestRun} GROUP BY segment ORDER BY count(*) DESC, segment LIMIT 1");
        var index = RetailInsights.Core.Segmentation.RfmSegmentRules.Table.ToList().FindIndex(s => s.Name == largest);

        await browser.ClickChartMarkAsync(browser.Page.Locator("#segment-sizes .trace.bars").First.Locator(".point path").Nth(index));

        var (bySegment, total) = await ListedAsync(browser.Page, "segment=");
        Assert.Equal(largest, bySegment.Segment);
        Assert.Equal(await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {LatestRun} AND segment = '{bySegment.Segment!.Replace("'", "''")}'"), total);
        Assert.Equal(await CodesAsync($"""
            SELECT customer_code FROM run_customers WHERE run_id = {LatestRun} AND segment = '{bySegment.Segment!.Replace("'", "''")}'
            ORDER BY monetary DESC, customer_code LIMIT 25
            """), await ListedCodesAsync(browser.Page));
        await Assertions.Expect(browser.Page.Locator("#download-segments")).ToHaveAttributeAsync("href", RunDownloads.CustomersPath(bySegment));

        var cell = (await CodesAsync($"""
            SELECT r || ',' || (f + m + 1) / 2 FROM run_customers WHERE run_id = {LatestRun} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
            """)).Single().Split(',').Select(int.Parse).ToArray();
        await ClickHeatmapCellAsync(browser, "segment-grid", cell[0] - 1, 5, cell[1] - 1, 5, rowsFromTop: false);

        var (byCell, cellTotal) = await ListedAsync(browser.Page, "r=");
        Assert.Equal((cell[0], cell[1]), (byCell.R!.Value, byCell.FM!.Value));
        Assert.Equal(RetailInsights.Core.Segmentation.RfmSegmentRules.For(cell[0], cell[1]).Name, byCell.Segment);
        Assert.Equal(await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {LatestRun} AND r = {cell[0]} AND (f + m + 1) / 2 = {cell[1]}"),
            cellTotal);
        var shownSegments = await browser.Page.Locator("#customer-grid tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.All(shownSegments, s => Assert.Equal(byCell.Segment, s.Trim()));
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task ClickingAMigrationCell_listsTheCustomersOfThatMove_andDownloadsThem()
    {
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        await browser.OpenAsync("/segments");
        var moves = (await CodesAsync($"SELECT from_segment || '|' || to_segment || '|' || customers FROM run_segment_moves WHERE run_id = {LatestRun}"))
            .Select(m => m.Split('|')).Select(m => new SegmentMoveCount(m[0], m[1], int.Parse(m[2], CultureInfo.InvariantCulture))).ToList();
        var matrix = SegmentMatrices.Migration(moves);
        var target = moves.Where(m => m.From != m.To && m.From != CustomerSelection.NotScoredBefore).MaxBy(m => m.Customers)!;

        await ClickHeatmapCellAsync(browser, "segment-migration", matrix.From.ToList().IndexOf(target.From), matrix.From.Count,
            matrix.To.ToList().IndexOf(target.To), matrix.To.Count, rowsFromTop: true);

        var (selection, total) = await ListedAsync(browser.Page, "previous=");
        Assert.Equal((target.From, target.To), (selection.PreviousSegment, selection.Segment));
        var fromTheRuns = $"""
            FROM run_customers a JOIN run_customers b ON b.customer_code = a.customer_code
                AND b.run_id = (SELECT max(run_id) FROM analysis_runs WHERE status = 'succeeded' AND run_id < {LatestRun})
            WHERE a.run_id = {LatestRun} AND b.segment = '{target.From.Replace("'", "''")}' AND a.segment = '{target.To.Replace("'", "''")}'
            """;
        Assert.Equal(await fixture.Database.ScalarAsync<long>($"SELECT count(*) {fromTheRuns}"), total);
        Assert.Equal(target.Customers, total);
        Assert.Equal(await CodesAsync($"SELECT a.customer_code {fromTheRuns} ORDER BY a.monetary DESC, a.customer_code LIMIT 25"), await ListedCodesAsync(browser.Page));
        var previousShown = await browser.Page.Locator("#customer-grid tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.All(previousShown, s => Assert.Equal(target.From, s.Trim()));

        var href = (await browser.Page.Locator("#download-segments").GetAttributeAsync("href"))!;
        var csv = await (await browser.Page.APIRequest.GetAsync(browser.Page.Url.Replace("/segments", "", StringComparison.Ordinal) + href)).TextAsync();
        var downloaded = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(await CodesAsync($"SELECT a.customer_code {fromTheRuns} ORDER BY a.customer_code"), downloaded);
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task SearchingACode_andSortingByRecency_areDoneInSql()
    {
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        await browser.OpenAsync("/segments");
        var fragment = (await fixture.Database.ScalarAsync<string>($"SELECT customer_code FROM run_customers WHERE run_id = {LatestRun} ORDER BY monetary DESC LIMIT 1"))[^2..];
        // The list has shown its first page: past this, typing reaches the live field.
        await Assertions.Expect(browser.Page.Locator("#customer-list")).ToHaveAttributeAsync("data-loaded", new Regex(@"^\d+$"), new() { Timeout = 30_000 });

        await browser.Page.Locator("#customer-search").FillAsync(fragment);

        var (selection, total) = await ListedAsync(browser.Page, "search=");
        Assert.Equal(fragment, selection.Search);
        var matching = $"FROM run_customers WHERE run_id = {LatestRun} AND strpos(lower(customer_code), lower('{fragment}')) > 0";
        Assert.Equal(await fixture.Database.ScalarAsync<long>($"SELECT count(*) {matching}"), total);

        await browser.Page.Locator("#customer-grid th:has-text('Days since last') .sortable-column-header").ClickAsync();
        var expected = await CodesAsync($"SELECT customer_code {matching} ORDER BY recency_days, customer_code LIMIT 25");
        await Assertions.Expect(browser.Page.Locator("#customer-grid tbody tr td:first-child a").First).ToHaveTextAsync(expected[0]);
        Assert.Equal(expected, await ListedCodesAsync(browser.Page));
        Assert.Empty(browser.ConsoleErrors);
    }
}
