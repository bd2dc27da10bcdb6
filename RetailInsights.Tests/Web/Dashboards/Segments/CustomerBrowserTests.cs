using System.Globalization;
using Microsoft.Playwright;
using Npgsql;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Dashboards.Segments.Customer;

namespace RetailInsights.Tests.Web.Dashboards.Segments;

/// <summary>
/// A customer's page in Chromium on the demo data: its figures equal SQL on the facts (fact_sales, refunds) for that
/// customer, and every query it runs reads the facts through indexes, never by scanning them.
/// </summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class CustomerBrowserTests(BrowserAppFixture fixture)
{
    private async Task<List<string>> RowsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    // The customer with the most invoices among those with a refund: the fullest page the demo has.
    private async Task<(string Code, int Id)> BusyCustomerAsync()
    {
        await DashboardBrowserTests.EnsureDemoDataAsync(fixture);
        var row = (await RowsAsync("""
            SELECT c.customer_code || '|' || c.customer_id FROM fact_sales f JOIN dim_customer c USING (customer_id)
            WHERE EXISTS (SELECT 1 FROM refunds r WHERE r.customer_id = c.customer_id)
            GROUP BY c.customer_code, c.customer_id ORDER BY count(DISTINCT (f.retailer_id, f.invoice, f.date_key, f.store_id)) DESC, 1 LIMIT 1
            """)).Single().Split('|');
        return (row[0], int.Parse(row[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CustomerPage_figuresEqualSqlOnTheFacts_forThatCustomer()
    {
        var (code, id) = await BusyCustomerAsync();
        await using var browser = await DashboardBrowser.SignInAsync(fixture, Roles.Marketing);

        await browser.OpenAsync($"/customers/{Uri.EscapeDataString(code)}");
        // Plotly draws on the live page only: past this, the figures read are the live page's, not the prerendered ones.
        await browser.ChartMarksAsync("customer-spend");
        await browser.WaitForCardsAsync();

        var db = fixture.Database;
        Assert.Equal(await db.ScalarAsync<long>($"""
                SELECT count(DISTINCT date_trunc('week', invoiced_at)) FROM fact_sales
                WHERE customer_id = {id} AND invoiced_at > (SELECT max(invoiced_at) FROM fact_sales WHERE customer_id = {id}) - interval '52 weeks'
                """),
            await browser.Page.Locator("#customer-spend .trace.bars .point").CountAsync());
        Assert.Equal(await db.ScalarAsync<long>($"SELECT count(DISTINCT (retailer_id, invoice, date_key, store_id)) FROM fact_sales WHERE customer_id = {id}"),
            await browser.KpiExactAsync("Invoices"));
        Assert.Equal(await db.ScalarAsync<decimal>($"SELECT sum(line_amount) FROM fact_sales WHERE customer_id = {id}"), await browser.KpiExactAsync("Gross spend"));
        Assert.Equal(await db.ScalarAsync<decimal>($"SELECT sum(amount) FROM refunds WHERE customer_id = {id}"), await browser.KpiExactAsync("Refunded"));

        var invoices = await RowsAsync($"""
            SELECT invoice || '=' || sum(line_amount) FROM fact_sales WHERE customer_id = {id}
            GROUP BY retailer_id, invoice, date_key, store_id ORDER BY min(invoiced_at) DESC, invoice LIMIT {CustomerQueries.InvoicesShown}
            """);
        var shownInvoices = new List<string>();
        foreach (var row in await browser.Page.Locator("#customer-invoices tbody tr").AllAsync())
            shownInvoices.Add($"{await row.GetAttributeAsync("data-invoice")}={await row.Locator("[data-amount]").GetAttributeAsync("data-amount")}");
        Assert.Equal(invoices, shownInvoices);

        var products = await RowsAsync($"""
            WITH recent AS (
                SELECT retailer_id, invoice, date_key, store_id FROM fact_sales WHERE customer_id = {id}
                GROUP BY 1, 2, 3, 4 ORDER BY min(invoiced_at) DESC LIMIT {CustomerQueries.InvoicesForProducts})
            SELECT p.stock_code || '=' || sum(f.line_amount)
            FROM fact_sales f JOIN recent USING (retailer_id, invoice, date_key, store_id) JOIN dim_product p USING (product_id)
            WHERE f.customer_id = {id} AND NOT f.is_non_product
            GROUP BY p.stock_code ORDER BY sum(f.line_amount) DESC, p.stock_code LIMIT {CustomerQueries.ProductsShown}
            """);
        var shownProducts = new List<string>();
        foreach (var row in await browser.Page.Locator("#customer-products tbody tr").AllAsync())
            shownProducts.Add($"{await row.GetAttributeAsync("data-product")}={await row.Locator("[data-spend]").GetAttributeAsync("data-spend")}");
        Assert.Equal(products, shownProducts);

        var segment = await db.ScalarAsync<string>($"""
            SELECT segment FROM run_customers WHERE customer_code = '{code}'
              AND run_id = (SELECT max(run_id) FROM analysis_runs WHERE status = 'succeeded')
            """);
        await Assertions.Expect(browser.Page.Locator("#customer-segment")).ToContainTextAsync(segment);
        Assert.Equal(await RowsAsync($"SELECT run_id::text FROM run_customers WHERE customer_code = '{code}' ORDER BY run_id DESC"),
            (await browser.Page.Locator("#customer-history tbody tr").AllAsync()).Select(r => r.GetAttributeAsync("data-run").Result!).ToList());
        Assert.Equal((int)await db.ScalarAsync<long>($"SELECT least(count(*), {CustomerQueries.RefundsShown}) FROM refunds WHERE customer_id = {id}"),
            await browser.Page.Locator("#customer-refunds tbody tr").CountAsync());
        await browser.ScreenshotAsync("customer");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task CustomerQueries_readTheFactsThroughTheirIndexes_neverByScanning()
    {
        var (code, id) = await BusyCustomerAsync();
        await using (var analyze = fixture.Database.DataSource.CreateCommand("ANALYZE fact_sales; ANALYZE refunds; ANALYZE agg_invoices; ANALYZE run_customers"))
            await analyze.ExecuteNonQueryAsync();

        foreach (var (name, sql) in CustomerSql.All)
        {
            var plan = string.Join('\n', await RowsAsync("EXPLAIN " + sql, ("code", code), ("customer", id)));
            foreach (var table in new[] { "fact_sales", "refunds", "agg_invoices", "run_customers" })
                Assert.False(plan.Contains($"Seq Scan on {table}", StringComparison.Ordinal), $"{name} scans {table}:\n{plan}");
            if (sql.Contains("FROM fact_sales", StringComparison.Ordinal))
                Assert.True(plan.Contains("pk_fact_sales", StringComparison.Ordinal), $"{name} does not read fact_sales by its natural key:\n{plan}");
        }
        Assert.Contains(CustomerSql.All, q => q.Sql.Contains("FROM fact_sales", StringComparison.Ordinal));
    }
}
