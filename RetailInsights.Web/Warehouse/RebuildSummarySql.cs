namespace RetailInsights.Web.Warehouse;

/// <summary>
/// The summaries computed from the facts whole, set-based: what the rebuild command writes, what a catalog that moves
/// products recomputes for the days they sold, and the reference the incremental path is tested against.
/// {days} narrows the facts read (a day filter, or TRUE for all).
/// </summary>
internal static class RebuildSummarySql
{
    public static IReadOnlyList<string> All => [$"TRUNCATE {string.Join(", ", SummaryTables.All)}", .. Fill("TRUE")];

    /// <summary>The category summaries of the days @days (whose products may have moved category), recomputed.</summary>
    public static IReadOnlyList<string> CategoryDays =>
    [
        "DELETE FROM agg_category_daily WHERE date_key = ANY(@days)",
        Category.Replace("{days}", "f.date_key = ANY(@days)", StringComparison.Ordinal),
        "DELETE FROM agg_refunds_category_daily WHERE date_key = ANY(@days)",
        RefundsCategory.Replace("{days}", "f.date_key = ANY(@days)", StringComparison.Ordinal),
    ];

    /// <summary>
    /// The summaries of the (day, store) cells in the temporary table <c>replaced_cells</c>, recomputed from the facts
    /// (a replaced upload's rows are gone). @days holds the cells' days, so the facts are read through their day index:
    /// the cost is that of the cells' days, not of the table.
    /// </summary>
    public static IReadOnlyList<string> Cells =>
    [
        .. SummaryTables.All.Select(table =>
            $"DELETE FROM {table} a USING replaced_cells c WHERE a.date_key = c.date_key AND a.store_id = c.store_id"),
        .. Fill("f.date_key = ANY(@days) AND (f.date_key, f.store_id) IN (SELECT date_key, store_id FROM replaced_cells)"),
    ];

    private static IEnumerable<string> Fill(string days) =>
        new[] { Invoices, StoreDaily, StoreHourly, Category, SalesDaily, RefundsDaily, RefundsCategory, RefundsStore }.Select(s => s.Replace("{days}", days, StringComparison.Ordinal));

    private const string Invoices = $$"""
        {{SummaryUpserts.IntoInvoices}}
        SELECT retailer_id, invoice, date_key, store_id, max(customer_id), min(invoiced_at), count(*), sum(line_amount),
               count(*) FILTER (WHERE unit_price > 0)
        FROM fact_sales f WHERE {days} GROUP BY 1, 2, 3, 4
        """;

    private const string StoreDaily = $$"""
        {{SummaryUpserts.IntoStoreDays}}
        SELECT date_key, store_id, retailer_id, count(*), sum(quantity), sum(line_amount), count(DISTINCT invoice),
               coalesce(array_agg(DISTINCT customer_id ORDER BY customer_id) FILTER (WHERE customer_id IS NOT NULL), '{}')
        FROM fact_sales f WHERE {days} GROUP BY 1, 2, 3
        """;

    private const string StoreHourly = $$"""
        {{SummaryUpserts.IntoStoreHours}}
        SELECT date_key, store_id, retailer_id, hour, sum(invoices), sum(gross) FROM (
            SELECT date_key, store_id, retailer_id, extract(hour FROM invoiced_at)::smallint AS hour, 0 AS invoices, sum(line_amount) AS gross
            FROM fact_sales f WHERE {days} GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT date_key, store_id, retailer_id, extract(hour FROM invoiced_at)::smallint, count(*), 0
            FROM agg_invoices f WHERE {days} GROUP BY 1, 2, 3, 4) h
        GROUP BY 1, 2, 3, 4
        """;

    private const string Category = $$"""
        {{SummaryUpserts.IntoCategoryDays}}
        SELECT f.date_key, f.store_id, f.retailer_id, coalesce(p.category, ''), count(*), sum(f.line_amount), count(DISTINCT f.invoice),
               coalesce(array_agg(DISTINCT f.customer_id ORDER BY f.customer_id) FILTER (WHERE f.customer_id IS NOT NULL), '{}')
        FROM fact_sales f JOIN dim_product p USING (product_id) WHERE {days} GROUP BY 1, 2, 3, 4
        """;

    private const string SalesDaily = $$"""
        {{SummaryUpserts.IntoProductDays}}
        SELECT date_key, store_id, product_id, retailer_id, count(*), sum(quantity), sum(line_amount)
        FROM fact_sales f WHERE {days} GROUP BY 1, 2, 3, 4
        """;

    private const string RefundsDaily = $$"""
        {{SummaryUpserts.IntoRefundDays}}
        SELECT date_key, store_id, product_id, retailer_id, reason, count(*), sum(quantity), sum(amount)
        FROM refunds f WHERE {days} GROUP BY 1, 2, 3, 4, 5
        """;

    private const string RefundsCategory = $$"""
        {{SummaryUpserts.IntoRefundCategoryDays}}
        SELECT f.date_key, f.store_id, f.retailer_id, coalesce(p.category, ''), f.reason, count(*), sum(f.quantity), sum(f.amount)
        FROM refunds f JOIN dim_product p USING (product_id) WHERE {days} GROUP BY 1, 2, 3, 4, 5
        """;

    private const string RefundsStore = $$"""
        {{SummaryUpserts.IntoRefundStoreDays}}
        SELECT date_key, store_id, retailer_id, count(*), sum(quantity), sum(amount)
        FROM refunds f WHERE {days} GROUP BY 1, 2, 3
        """;
}
