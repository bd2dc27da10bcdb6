namespace RetailInsights.Web.Warehouse;

/// <summary>
/// Adds one batch's facts to the summaries. Sums add up; a transaction (invoice, day, store) is counted once, when
/// its first lines arrive — <c>agg_invoices</c> tells, its upsert reporting which invoices it inserted; customers are
/// unions of sorted id arrays, so no one is counted twice. Rows are written in key order, so two loads never wait for
/// each other in a circle. {S}, {R} and {inBatch} are the batch's sales, refunds and membership test
/// (<see cref="SummaryBatch"/>); @batch is its id.
/// </summary>
internal static class IncrementalSummarySql
{
    public static IReadOnlyList<string> For(SummaryBatch batch) => Bind(batch, [BatchInvoicesTable, InvoicesFromSales, .. SaleCells, .. Refunds]);

    /// <summary>The summaries of sales by cell, once <c>batch_invoices</c> holds the batch's transactions.</summary>
    public static IReadOnlyList<string> SaleCellsFor(SummaryBatch batch) => Bind(batch, SaleCells);

    public static IReadOnlyList<string> RefundsFor(SummaryBatch batch) => Bind(batch, Refunds);

    private static List<string> Bind(SummaryBatch batch, IEnumerable<string> statements) => statements
        .Select(s => s.Replace("{S}", batch.Sales, StringComparison.Ordinal)
            .Replace("{R}", batch.Refunds, StringComparison.Ordinal)
            .Replace("{inBatch}", batch.SaleInBatch, StringComparison.Ordinal))
        .ToList();

    /// <summary>The batch's transactions as <c>agg_invoices</c> holds them after the batch, and whether each is new there.</summary>
    public const string BatchInvoicesTable = """
        DROP TABLE IF EXISTS batch_invoices;
        CREATE TEMP TABLE batch_invoices (retailer_id integer, invoice varchar(64) COLLATE "C", date_key integer, store_id integer,
            customer_id integer, invoiced_at timestamp, is_new boolean) ON COMMIT DROP
        """;

    private static readonly string InvoicesFromSales = SummaryUpserts.InvoicesNotingNew("""
        (SELECT retailer_id, invoice, date_key, store_id, max(customer_id) AS customer_id, min(invoiced_at) AS invoiced_at,
                count(*) AS lines, sum(line_amount) AS gross, count(*) FILTER (WHERE unit_price > 0) AS priced_lines
         FROM {S} s GROUP BY 1, 2, 3, 4) batch
        """);

    private static readonly string[] SaleCells =
    [
        $$"""
        {{SummaryUpserts.IntoStoreDays}}
        SELECT s.date_key, s.store_id, s.retailer_id, s.lines, s.quantity, s.gross, coalesce(i.invoices, 0), s.customer_ids
        FROM (SELECT date_key, store_id, retailer_id, count(*) AS lines, sum(quantity) AS quantity, sum(line_amount) AS gross,
                     coalesce(array_agg(DISTINCT customer_id ORDER BY customer_id) FILTER (WHERE customer_id IS NOT NULL), '{}') AS customer_ids
              FROM {S} s GROUP BY 1, 2, 3) s
        LEFT JOIN (SELECT date_key, store_id, retailer_id, count(*) AS invoices FROM batch_invoices WHERE is_new GROUP BY 1, 2, 3) i
            USING (date_key, store_id, retailer_id)
        ORDER BY 1, 2, 3
        {{SummaryUpserts.OnStoreDay}}
        """,
        $$"""
        {{SummaryUpserts.IntoStoreHours}}
        SELECT date_key, store_id, retailer_id, hour, sum(invoices), sum(gross) FROM (
            SELECT date_key, store_id, retailer_id, extract(hour FROM invoiced_at)::smallint AS hour, 0 AS invoices, sum(line_amount) AS gross
            FROM {S} s GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT date_key, store_id, retailer_id, extract(hour FROM invoiced_at)::smallint, count(*), 0
            FROM batch_invoices WHERE is_new GROUP BY 1, 2, 3, 4) h
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        {{SummaryUpserts.OnStoreHour}}
        """,
        $$"""
        {{SummaryUpserts.IntoProductDays}}
        SELECT date_key, store_id, product_id, retailer_id, count(*), sum(quantity), sum(line_amount)
        FROM {S} s GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        {{SummaryUpserts.OnProductDay}}
        """,
        $$"""
        WITH batch AS (
            SELECT s.retailer_id, s.invoice, s.date_key, s.store_id, coalesce(p.category, '') AS category, s.customer_id, s.line_amount
            FROM {S} s JOIN dim_product p USING (product_id)),
        held AS (
            -- A transaction counts for a category once: when new, or when none of its earlier lines had the category.
            SELECT h.date_key, h.store_id, h.retailer_id, h.category, count(*) AS invoices
            FROM (SELECT DISTINCT retailer_id, invoice, date_key, store_id, category FROM batch) h
            JOIN batch_invoices b USING (retailer_id, invoice, date_key, store_id)
            WHERE b.is_new OR NOT EXISTS (
                SELECT 1 FROM fact_sales o JOIN dim_product op USING (product_id)
                WHERE o.retailer_id = h.retailer_id AND o.invoice = h.invoice AND o.date_key = h.date_key AND o.store_id = h.store_id
                  AND coalesce(op.category, '') = h.category AND NOT ({inBatch}))
            GROUP BY 1, 2, 3, 4)
        {{SummaryUpserts.IntoCategoryDays}}
        SELECT t.date_key, t.store_id, t.retailer_id, t.category, t.lines, t.gross, coalesce(h.invoices, 0), t.customer_ids
        FROM (SELECT date_key, store_id, retailer_id, category, count(*) AS lines, sum(line_amount) AS gross,
                     coalesce(array_agg(DISTINCT customer_id ORDER BY customer_id) FILTER (WHERE customer_id IS NOT NULL), '{}') AS customer_ids
              FROM batch GROUP BY 1, 2, 3, 4) t
        LEFT JOIN held h USING (date_key, store_id, retailer_id, category)
        ORDER BY 1, 2, 3, 4
        {{SummaryUpserts.OnCategoryDay}}
        """,
    ];

    // A refund summary's row adds the batch's refunds to what it held.
    private const string AddRefunds =
        "DO UPDATE SET refunds = a.refunds + excluded.refunds, quantity = a.quantity + excluded.quantity, amount = a.amount + excluded.amount";

    private static readonly string[] Refunds =
    [
        $$"""
        {{SummaryUpserts.IntoRefundDays}}
        SELECT date_key, store_id, product_id, retailer_id, reason, count(*), sum(quantity), sum(amount)
        FROM {R} r GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (date_key, store_id, product_id, retailer_id, reason) {{AddRefunds}}
        """,
        $$"""
        {{SummaryUpserts.IntoRefundCategoryDays}}
        SELECT r.date_key, r.store_id, r.retailer_id, coalesce(p.category, ''), r.reason, count(*), sum(r.quantity), sum(r.amount)
        FROM {R} r JOIN dim_product p USING (product_id) GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (date_key, store_id, retailer_id, category, reason) {{AddRefunds}}
        """,
        $$"""
        {{SummaryUpserts.IntoRefundStoreDays}}
        SELECT date_key, store_id, retailer_id, count(*), sum(quantity), sum(amount)
        FROM {R} r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (date_key, store_id, retailer_id) {{AddRefunds}}
        """,
    ];
}
