namespace RetailInsights.Web.Warehouse;

/// <summary>
/// Each summary's insert — the one home of its column list — shared by the SQL that rebuilds it from the facts
/// (<see cref="RebuildSummarySql"/>), adds a batch from the facts (<see cref="IncrementalSummarySql"/>) and from a
/// copy's totals (<see cref="TotalsSummarySql"/>); and the conflict clause of each sales summary: a batch's row adds to
/// the row its key already has — sums add, customer id sets unite, a transaction keeps its first customer and time.
/// </summary>
internal static class SummaryUpserts
{
    public const string IntoInvoices =
        "INSERT INTO agg_invoices AS a (retailer_id, invoice, date_key, store_id, customer_id, invoiced_at, lines, gross, priced_lines)";

    public const string OnInvoice = """
        ON CONFLICT (retailer_id, invoice, date_key, store_id) DO UPDATE SET
            customer_id = coalesce(a.customer_id, excluded.customer_id), invoiced_at = least(a.invoiced_at, excluded.invoiced_at),
            lines = a.lines + excluded.lines, gross = a.gross + excluded.gross, priced_lines = a.priced_lines + excluded.priced_lines
        """;

    /// <summary>
    /// Upserts a batch's transactions from <paramref name="rows"/> (a table, or a subquery with its alias, of
    /// <c>agg_invoices</c>' columns) and notes each in <c>batch_invoices</c> as it stands after the batch, and whether it is new.
    /// </summary>
    public static string InvoicesNotingNew(string rows) => $$"""
        WITH upserted AS (
            {{IntoInvoices}}
            SELECT * FROM {{rows}} ORDER BY 1, 2, 3, 4
            {{OnInvoice}}
            RETURNING retailer_id, invoice, date_key, store_id, customer_id, invoiced_at, xmax = 0 AS is_new)
        INSERT INTO batch_invoices SELECT * FROM upserted
        """;

    public const string IntoStoreDays =
        "INSERT INTO agg_store_daily AS a (date_key, store_id, retailer_id, lines, quantity, gross, invoices, customer_ids)";

    public const string OnStoreDay = """
        ON CONFLICT (date_key, store_id, retailer_id) DO UPDATE SET
            lines = a.lines + excluded.lines, quantity = a.quantity + excluded.quantity, gross = a.gross + excluded.gross,
            invoices = a.invoices + excluded.invoices, customer_ids = ri_union_sorted(a.customer_ids, excluded.customer_ids)
        """;

    public const string IntoStoreHours = "INSERT INTO agg_store_hourly AS a (date_key, store_id, retailer_id, hour, invoices, gross)";

    public const string OnStoreHour = """
        ON CONFLICT (date_key, store_id, retailer_id, hour) DO UPDATE SET
            invoices = a.invoices + excluded.invoices, gross = a.gross + excluded.gross
        """;

    public const string IntoProductDays = "INSERT INTO agg_sales_daily AS a (date_key, store_id, product_id, retailer_id, lines, quantity, gross)";

    public const string OnProductDay = """
        ON CONFLICT (date_key, store_id, product_id, retailer_id) DO UPDATE SET
            lines = a.lines + excluded.lines, quantity = a.quantity + excluded.quantity, gross = a.gross + excluded.gross
        """;

    public const string IntoCategoryDays =
        "INSERT INTO agg_category_daily AS a (date_key, store_id, retailer_id, category, lines, gross, invoices, customer_ids)";

    public const string OnCategoryDay = """
        ON CONFLICT (date_key, store_id, retailer_id, category) DO UPDATE SET
            lines = a.lines + excluded.lines, gross = a.gross + excluded.gross, invoices = a.invoices + excluded.invoices,
            customer_ids = ri_union_sorted(a.customer_ids, excluded.customer_ids)
        """;

    public const string IntoRefundDays =
        "INSERT INTO agg_refunds_daily AS a (date_key, store_id, product_id, retailer_id, reason, refunds, quantity, amount)";

    public const string IntoRefundCategoryDays =
        "INSERT INTO agg_refunds_category_daily AS a (date_key, store_id, retailer_id, category, reason, refunds, quantity, amount)";

    public const string IntoRefundStoreDays = "INSERT INTO agg_refunds_store_daily AS a (date_key, store_id, retailer_id, refunds, quantity, amount)";
}
