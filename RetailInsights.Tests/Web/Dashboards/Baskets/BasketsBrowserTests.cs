using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Dashboards.Baskets;

/// <summary>
/// The rule explorer in Chromium on the demo data: the hidden count equals the definition of redundancy in SQL, the
/// scatter draws, a click on a point opens the rule it names with counts equal to SQL on the facts, and a product
/// (from the Overview's link or the search) shows what goes with it.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class BasketsBrowserTests(BrowserAppFixture fixture)
{
    private const string Latest = "(SELECT max(run_id) FROM analysis_runs WHERE status = 'succeeded')";

    [Theory]
    [InlineData(Roles.Marketing)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task Explorer_hidesRedundantRules_drawsTheScatter_andAClickOpensThatRule(string role)
    {
        await using var browser = await DashboardBrowser.SignInAsync(fixture, role);
        var database = fixture.Database;

        await browser.OpenAsync("/baskets");
        await LiveAsync(browser);

        var note = browser.Page.Locator("#rule-counts-note");
        var redundantBySql = await database.ScalarAsync<long>($"""
            SELECT count(*) FROM run_rules r WHERE r.run_id = {Latest} AND EXISTS (
                SELECT 1 FROM run_rules s WHERE s.run_id = r.run_id AND s.consequent @> r.consequent AND s.consequent <@ r.consequent
                AND s.antecedent <@ r.antecedent AND cardinality(s.antecedent) < cardinality(r.antecedent)
                AND s.count::numeric * r.antecedent_count >= r.count::numeric * s.antecedent_count)
            """);
        var rules = await database.ScalarAsync<long>($"SELECT count(*) FROM run_rules WHERE run_id = {Latest}");
        Assert.InRange(redundantBySql, 1, rules - 1);
        Assert.Equal(redundantBySql.ToString(CultureInfo.InvariantCulture), await note.GetAttributeAsync("data-hidden"));
        Assert.Equal((rules - redundantBySql).ToString(CultureInfo.InvariantCulture), await note.GetAttributeAsync("data-shown"));
        await Assertions.Expect(note).ToContainTextAsync($"{redundantBySql:N0} redundant rules hidden");
        Assert.Equal(Math.Min(RetailInsights.Web.Dashboards.Baskets.RuleQueries.ScatterPoints, rules - redundantBySql),
            await browser.ChartMarksAsync("rules-scatter"));
        Assert.Equal(25, await browser.Page.Locator("#rules-grid tbody tr").CountAsync());
        if (role == Roles.Marketing)
            await browser.ScreenshotAsync("baskets");

        // Hover a point for the rule Plotly names, then click it: the detail must be that rule.
        var point = browser.Page.Locator("#rules-scatter .main-svg .trace .point").Nth(40);
        var box = (await point.BoundingBoxAsync())!;
        await browser.Page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        var hover = await browser.Page.Locator("#rules-scatter .hoverlayer .hovertext").TextContentAsync();
        await browser.ClickChartMarkAsync(point);
        var detail = browser.Page.Locator("#rule-detail");
        await detail.WaitForAsync();
        var ruleNo = int.Parse((await detail.GetAttributeAsync("data-rule"))!, CultureInfo.InvariantCulture);
        var names = await database.ScalarAsync<string>($"SELECT antecedent_names || ' → ' || consequent_names FROM run_rules WHERE run_id = {Latest} AND rule_no = {ruleNo}");
        Assert.Contains(names, hover);
        Assert.Equal(await CountsOnTheFactsAsync(ruleNo), string.Join("|", await Task.WhenAll(
            new[] { "both", "antecedent", "consequent", "baskets" }.Select(async c =>
                (await detail.Locator($"[data-count={c}]").InnerTextAsync()).Replace(",", "", StringComparison.Ordinal)))));
        await Assertions.Expect(browser.Page.Locator("#rule-reading")).ToContainTextAsync("more often than chance");
        Assert.True(await browser.Page.Locator($"#rule-history tr[data-run]").CountAsync() >= 1);
        if (role == Roles.Marketing)
            await browser.ScreenshotAsync("baskets-rule-detail");

        // The download (streamed from the database) holds every rule of the run, the redundant ones flagged.
        var download = await browser.Page.APIRequest.GetAsync(fixture.BaseUrl + "/exports/rules.csv");
        Assert.Equal(200, download.Status);
        var lines = (await download.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",redundant", lines[0].TrimEnd('\r'));
        Assert.Equal(rules, lines.Length - 1);
        Assert.Equal(redundantBySql, lines.Count(l => l.TrimEnd('\r').EndsWith(",true", StringComparison.Ordinal)));
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Product_fromTheOverviewsLinkOrTheSearch_showsWhatGoesWithIt()
    {
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        var database = fixture.Database;
        // The product on the left of most rules that are not redundant, and another one the rules name.
        var product = await database.ScalarAsync<string>($"""
            SELECT code FROM run_rules r, unnest(r.antecedent) code WHERE r.run_id = {Latest} AND NOT r.is_redundant
            GROUP BY code ORDER BY count(*) DESC, code LIMIT 1
            """);
        var other = await database.ScalarAsync<string>($"""
            SELECT stock_code FROM run_rule_products WHERE run_id = {Latest} AND stock_code <> '{product}' AND consequent_rules > 0
            ORDER BY stock_code LIMIT 1
            """);
        var otherName = await database.ScalarAsync<string>($"SELECT description FROM dim_product WHERE stock_code = '{other}'");

        await browser.OpenAsync($"/baskets?from=2026-11-01&to=2026-11-30&product={Uri.EscapeDataString(product)}");
        await LiveAsync(browser);

        async Task<List<int>> TopAsync(string side, string code) => [.. await database.ScalarAsync<int[]>($"""
            SELECT coalesce(array_agg(rule_no ORDER BY rule_no), ARRAY[]::int[]) FROM (
                SELECT rule_no FROM run_rules WHERE run_id = {Latest} AND NOT is_redundant AND {side} @> ARRAY['{code}']
                ORDER BY rule_no LIMIT 10) top
            """)];
        async Task<List<int>> ShownAsync(string table) =>
            [.. (await browser.Page.Locator($"#{table} tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.rule)")).Select(int.Parse)];
        Assert.Equal(await TopAsync("antecedent", product), await ShownAsync("also-taken"));
        Assert.Equal(await TopAsync("consequent", product), await ShownAsync("leading-to-it"));
        Assert.NotEmpty(await ShownAsync("also-taken"));
        Assert.Equal((await database.ScalarAsync<long>($"""
            SELECT count(*) FROM run_rules WHERE run_id = {Latest} AND NOT is_redundant
            AND (antecedent @> ARRAY['{product}'] OR consequent @> ARRAY['{product}'])
            """)).ToString(CultureInfo.InvariantCulture), await browser.Page.Locator("#rule-counts-note").GetAttributeAsync("data-shown"));
        var productName = await database.ScalarAsync<string>($"SELECT description FROM dim_product WHERE stock_code = '{product}'");
        Assert.All(await browser.Page.Locator("#rules-grid tbody tr").AllInnerTextsAsync(), row => Assert.Contains(productName, row));
        await browser.ScreenshotAsync("baskets-bought-with");

        // The search offers products of the run's rules; picking one puts it in the URL and the page follows.
        await browser.Page.Locator("#product-picker").FillAsync(otherName[..Math.Min(6, otherName.Length)]);
        await browser.Page.Locator($".mud-popover-open [data-product='{other}']").ClickAsync();
        await browser.Page.WaitForURLAsync(new Regex($"product={Regex.Escape(Uri.EscapeDataString(other))}"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(browser.Page.Locator("#bought-with-card")).ToContainTextAsync($"Bought with {otherName}");
        await LiveAsync(browser);
        Assert.Equal(await TopAsync("consequent", other), await ShownAsync("leading-to-it"));
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Explorer_thresholdsNoRulePasses_orAProductInNoRule_saySo()
    {
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);
        var maxLift = await fixture.Database.ScalarAsync<double>($"SELECT max(lift) FROM run_rules WHERE run_id = {Latest}");
        var outside = await fixture.Database.ScalarAsync<string>($"""
            SELECT stock_code FROM dim_product p WHERE NOT EXISTS (
                SELECT 1 FROM run_rule_products r WHERE r.run_id = {Latest} AND r.stock_code = p.stock_code)
            ORDER BY stock_code LIMIT 1
            """);

        await browser.OpenAsync($"/baskets?minlift={Math.Ceiling(maxLift) + 1}");
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('#rules-scatter-card[data-state=empty]') !== null");

        await Assertions.Expect(browser.Page.Locator("#rules-scatter-card")).ToContainTextAsync("No rule passes these thresholds");
        await Assertions.Expect(browser.Page.Locator("#rules-grid-card")).ToHaveAttributeAsync("data-state", "empty");
        Assert.Equal("0", await browser.Page.Locator("#rule-counts-note").GetAttributeAsync("data-shown"));

        await browser.OpenAsync($"/baskets?product={Uri.EscapeDataString(outside)}");
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('#bought-with-card[data-state=empty]') !== null");
        await Assertions.Expect(browser.Page.Locator("#bought-with-card")).ToContainTextAsync($"{outside} is in no rule of this run");
        Assert.Empty(browser.ConsoleErrors);
    }

    // The prerendered page has every card's figures too; Plotly draws only in the live circuit, whose cards then load.
    private static async Task LiveAsync(DashboardBrowser browser)
    {
        await browser.ChartMarksAsync("rules-scatter");
        await browser.WaitForCardsAsync();
    }

    // Baskets as mining read them (the run's window, sale lines with a price, no fee codes), counted on the facts.
    private async Task<string> CountsOnTheFactsAsync(int ruleNo) => await fixture.Database.ScalarAsync<string>($"""
        WITH run AS (SELECT as_of, window_days, started_at FROM analysis_runs WHERE run_id = {Latest}),
             rule AS (SELECT antecedent, consequent FROM run_rules WHERE run_id = {Latest} AND rule_no = {ruleNo}),
             baskets AS (
                SELECT f.invoice, array_agg(DISTINCT p.stock_code::text) AS items
                FROM fact_sales f JOIN dim_product p USING (product_id), run
                WHERE f.unit_price > 0 AND NOT p.is_non_product
                  AND f.date_key BETWEEN to_char(run.as_of - run.window_days, 'YYYYMMDD')::int AND to_char(run.as_of - 1, 'YYYYMMDD')::int
                  -- The facts the run read: other tests of the collection load more files into this database later.
                  AND f.upload_id IN (SELECT upload_id FROM uploads WHERE finished_at <= run.started_at)
                GROUP BY f.invoice)
        SELECT concat_ws('|', count(*) FILTER (WHERE items @> (rule.antecedent || rule.consequent)), count(*) FILTER (WHERE items @> rule.antecedent),
                         count(*) FILTER (WHERE items @> rule.consequent), count(*))
        FROM baskets, rule GROUP BY rule.antecedent, rule.consequent
        """);
}
