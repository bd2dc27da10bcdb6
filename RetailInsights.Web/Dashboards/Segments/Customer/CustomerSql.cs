using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards.Segments.Customer;

/// <summary>
/// The customer page's SQL (parameters <c>@code</c>, the customer's code, and <c>@customer</c>, its id); what each
/// costs is in <see cref="CustomerQueries"/>.
/// </summary>
internal static class CustomerSql
{
    public static readonly string Profile = $"""
        WITH latest AS ({LatestRun.Sql})
        SELECT d.customer_id, d.country, latest.run_id, latest.as_of,
               c.recency_days, c.frequency, c.monetary, c.r, c.f, c.m, c.segment, c.cluster, k.label, k.action,
               EXISTS (SELECT 1 FROM run_customers h WHERE h.customer_code = @code)
        FROM (SELECT @code::text AS code) wanted
        LEFT JOIN dim_customer d ON d.customer_code = wanted.code
        LEFT JOIN latest ON true
        LEFT JOIN run_customers c ON c.run_id = latest.run_id AND c.customer_code = wanted.code
        LEFT JOIN run_clusters k ON k.run_id = latest.run_id AND k.cluster = c.cluster
        """;

    public static readonly string History = $"""
        SELECT r.run_id, r.as_of, c.segment, c.r, c.f, c.m, c.cluster
        FROM run_customers c JOIN ({LatestRun.Succeeded}) r USING (run_id)
        WHERE c.customer_code = @code
        ORDER BY c.run_id DESC LIMIT {CustomerQueries.RunsShown}
        """;

    public static readonly string Totals = """
        SELECT i.invoices, i.gross, i.lines, i.first_at, i.last_at, f.refunds, f.refunded
        FROM (SELECT count(*) AS invoices, coalesce(sum(gross), 0) AS gross, coalesce(sum(lines), 0) AS lines,
                     min(invoiced_at) AS first_at, max(invoiced_at) AS last_at
              FROM agg_invoices WHERE customer_id = @customer) i,
             (SELECT count(*) AS refunds, coalesce(sum(amount), 0) AS refunded FROM refunds WHERE customer_id = @customer) f
        """;

    public static readonly string SpendByWeek = """
        SELECT date_trunc('week', invoiced_at)::date, count(*), sum(gross)
        FROM agg_invoices
        WHERE customer_id = @customer
          AND invoiced_at > (SELECT max(invoiced_at) FROM agg_invoices WHERE customer_id = @customer) - interval '52 weeks'
        GROUP BY 1 ORDER BY 1
        """;

    public static readonly string Invoices = $"""
        SELECT i.invoice, i.invoiced_at, s.store_code, i.lines, i.gross
        FROM agg_invoices i JOIN dim_store s USING (store_id)
        WHERE i.customer_id = @customer
        ORDER BY i.invoiced_at DESC, i.invoice LIMIT {CustomerQueries.InvoicesShown}
        """;

    // LATERAL makes each recent invoice one lookup in the natural key; a plain join could hash the facts instead.
    public static readonly string TopProducts = $"""
        WITH recent AS (
            SELECT retailer_id, invoice, date_key, store_id FROM agg_invoices
            WHERE customer_id = @customer ORDER BY invoiced_at DESC LIMIT {CustomerQueries.InvoicesForProducts})
        SELECT p.stock_code, p.description, sum(f.quantity), sum(f.line_amount),
               count(DISTINCT (recent.retailer_id, recent.invoice, recent.date_key, recent.store_id))
        FROM recent
        CROSS JOIN LATERAL (
            SELECT f.product_id, f.quantity, f.line_amount FROM fact_sales f
            WHERE f.retailer_id = recent.retailer_id AND f.invoice = recent.invoice
              AND f.date_key = recent.date_key AND f.store_id = recent.store_id
              AND f.customer_id = @customer AND NOT f.is_non_product) f
        JOIN dim_product p ON p.product_id = f.product_id
        GROUP BY p.stock_code, p.description
        ORDER BY 4 DESC, 1 LIMIT {CustomerQueries.ProductsShown}
        """;

    public static readonly string Refunds = $"""
        SELECT f.refunded_at, f.original_invoice, p.stock_code, p.description, f.quantity, f.amount, f.reason
        FROM refunds f JOIN dim_product p USING (product_id)
        WHERE f.customer_id = @customer
        ORDER BY f.refunded_at DESC, f.refund_id DESC LIMIT {CustomerQueries.RefundsShown}
        """;

    /// <summary>Every query of the page by name, for the test that reads their plans.</summary>
    public static readonly IReadOnlyList<(string Name, string Sql)> All =
    [
        (nameof(Profile), Profile), (nameof(History), History), (nameof(Totals), Totals),
        (nameof(SpendByWeek), SpendByWeek), (nameof(Invoices), Invoices), (nameof(TopProducts), TopProducts), (nameof(Refunds), Refunds),
    ];
}
