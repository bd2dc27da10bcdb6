namespace RetailInsights.Web.Warehouse;

/// <summary>
/// The summary tables every load keeps in step with the facts, in the same transaction, so that no page has to read
/// the facts. Each grows with days × stores × products (or categories, hours), never with lines — except
/// <c>agg_invoices</c>, one row per transaction, which the customer page and exact invoice counts use.
/// <list type="bullet">
/// <item><c>agg_invoices</c> (retailer, invoice, day, store): the customer, the time, lines, gross; a transaction.</item>
/// <item><c>agg_store_daily</c> (day, store, retailer): lines, quantity, gross, transactions, and the sorted ids of the
/// customers who bought (exact distinct customers over any range are the union of these), also kept ready to send as
/// <c>customer_ids_binary</c> (see <see cref="CustomerIdSet"/>).</item>
/// <item><c>agg_store_hourly</c> (day, store, retailer, hour): transactions and gross by hour of day.</item>
/// <item><c>agg_category_daily</c> (day, store, retailer, category): lines, gross, transactions holding the category,
/// and their customers' ids; the category is the product's when the line was loaded (a catalog that moves products
/// recomputes the days they sold).</item>
/// <item><c>agg_sales_daily</c> (day, store, product, retailer): lines, quantity, gross.</item>
/// <item><c>agg_refunds_daily</c> (day, store, product, retailer, reason): refunds, quantity, amount.</item>
/// <item><c>agg_refunds_category_daily</c> (day, store, retailer, category, reason): the same without the product, a third
/// of the rows, for the refund totals of a range (the category is the product's when the refund was loaded).</item>
/// <item><c>agg_refunds_store_daily</c> (day, store, retailer): refunds, quantity, amount; one row per store-day, for the
/// refund totals of a view that names no category or product.</item>
/// </list>
/// </summary>
public static class SummaryTables
{
    public static readonly IReadOnlyList<string> All =
        ["agg_invoices", "agg_store_daily", "agg_store_hourly", "agg_category_daily", "agg_sales_daily", "agg_refunds_daily",
        "agg_refunds_category_daily", "agg_refunds_store_daily"];

    /// <summary>
    /// A row here asks for the summaries to be rebuilt from the facts: a migration that adds or changes a summary
    /// inserts one, and the app and the migrate command rebuild after migrating (see <see cref="Summaries"/>).
    /// </summary>
    public const string RebuildRequests = "summary_rebuild_requests";
}
