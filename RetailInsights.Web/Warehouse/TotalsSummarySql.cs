namespace RetailInsights.Web.Warehouse;

/// <summary>
/// Adds a batch whose totals were added up as it was copied in (<see cref="SalesTotals"/>) to the summaries: the totals
/// arrive in temporary tables, and each summary takes them with the same upsert as <see cref="IncrementalSummarySql"/>,
/// in the same key order. The cells' transaction counts assume every transaction of the batch is new, as a plain
/// insert into <c>agg_invoices</c> proves (cheaper than the upsert, which probes each key before inserting it); when one
/// is not, the transactions are upserted and the cells computed from the facts instead.
/// </summary>
internal static class TotalsSummarySql
{
    public const string Tables = """
        DROP TABLE IF EXISTS totals_invoices, totals_store_days, totals_store_hours, totals_product_days, totals_category_days;
        CREATE TEMP TABLE totals_invoices (retailer_id integer, invoice varchar(64) COLLATE "C", date_key integer, store_id integer,
            customer_id integer, invoiced_at timestamp, lines bigint, gross numeric, priced_lines bigint) ON COMMIT DROP;
        CREATE TEMP TABLE totals_store_days (date_key integer, store_id integer, retailer_id integer, lines bigint, quantity bigint,
            gross numeric, invoices bigint, customer_ids integer[]) ON COMMIT DROP;
        CREATE TEMP TABLE totals_store_hours (date_key integer, store_id integer, retailer_id integer, hour smallint, invoices bigint,
            gross numeric) ON COMMIT DROP;
        CREATE TEMP TABLE totals_product_days (date_key integer, store_id integer, product_id integer, retailer_id integer, lines bigint,
            quantity bigint, gross numeric) ON COMMIT DROP;
        CREATE TEMP TABLE totals_category_days (date_key integer, store_id integer, retailer_id integer, category text, lines bigint,
            gross numeric, invoices bigint, customer_ids integer[]) ON COMMIT DROP
        """;

    /// <summary>The batch's transactions when all are new to <c>agg_invoices</c>; a unique violation says one is not.</summary>
    public const string NewInvoices = $$"""
        {{SummaryUpserts.IntoInvoices}}
        SELECT * FROM totals_invoices ORDER BY 1, 2, 3, 4
        """;

    /// <summary>The batch's transactions when some began earlier, noting in <c>batch_invoices</c> which are new.</summary>
    public static readonly string Invoices = SummaryUpserts.InvoicesNotingNew("totals_invoices");

    public static readonly string[] Cells =
    [
        $"{SummaryUpserts.IntoStoreDays} SELECT * FROM totals_store_days ORDER BY 1, 2, 3 {SummaryUpserts.OnStoreDay}",
        $"{SummaryUpserts.IntoStoreHours} SELECT * FROM totals_store_hours ORDER BY 1, 2, 3, 4 {SummaryUpserts.OnStoreHour}",
        $"{SummaryUpserts.IntoProductDays} SELECT * FROM totals_product_days ORDER BY 1, 2, 3, 4 {SummaryUpserts.OnProductDay}",
        $"{SummaryUpserts.IntoCategoryDays} SELECT * FROM totals_category_days ORDER BY 1, 2, 3, 4 {SummaryUpserts.OnCategoryDay}",
    ];
}
