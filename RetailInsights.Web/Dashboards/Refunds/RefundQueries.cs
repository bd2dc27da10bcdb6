using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards.Refunds;

/// <summary>
/// The Refunds page's figures, from the summaries; none reads the facts by scanning. What each read costs, whatever the
/// number of lines or customers:
/// <list type="bullet">
/// <item>refunds: totals by day or store from agg_refunds_store_daily (days × stores rows) when the filter names no
/// category or product; otherwise, and by reason, agg_refunds_category_daily through its key's day range, days × stores ×
/// refunded categories × reasons rows at most, or agg_refunds_daily (× products: several times as many rows; the
/// figures are in docs/benchmarks.md) for the products' ranking and when the filter names a product;</item>
/// <item>what sold, from the cheapest summary that answers the filter: agg_store_daily (days × stores rows) with no product
/// or category, agg_category_daily (days × stores rows of the category) for a category, agg_sales_daily (its key's day
/// range, days × stores × products sold, one product kept) for a product.</item>
/// </list>
/// <see cref="HeadlineAsync"/> reads both over the range and the one before it; <see cref="ByStoreAsync"/> and
/// <see cref="ByReasonAsync"/> over the range; <see cref="ByProductAsync"/> also reads agg_sales_daily's day range for its
/// 15 products. <see cref="LargestAsync"/> is the only read of a fact: a bounded index read, see there.
/// </summary>
public sealed class RefundQueries(DashboardDatabase database)
{
    public const int ProductsShown = 15;
    public const int LargestShown = 20;

    /// <summary>The period and the one before it, each day of the period: two reads, each over both periods' days.</summary>
    public async Task<RefundHeadline> HeadlineAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var both = filter with { From = filter.Previous.From };
        var refunded = await database.ListAsync($"""
            SELECT a.date_key, sum(a.refunds)::bigint, sum(a.amount) FROM {FilterSql.RefundTotalRows(both, "a")} GROUP BY 1
            """, both, r => (Day: DateKeys.Day(r.GetInt32(0)), Refunds: r.GetInt64(1), Amount: r.GetDecimal(2)), cancellationToken);
        var sold = await database.ListAsync(SoldSql(filter, "a.date_key"), both,
            r => (Day: DateKeys.Day(r.GetInt32(0)), Gross: r.GetDecimal(1)), cancellationToken);

        // One row per day from each read: a lookup each, so ten years of days cost a few thousand steps.
        var refundsByDay = refunded.ToDictionary(r => r.Day);
        var soldByDay = sold.ToDictionary(s => s.Day, s => s.Gross);
        var byDay = refundsByDay.Keys.Union(soldByDay.Keys).ToDictionary(day => day, day => refundsByDay.TryGetValue(day, out var r)
            ? new RefundTotals(r.Refunds, r.Amount, soldByDay.GetValueOrDefault(day))
            : new RefundTotals(0, 0, soldByDay.GetValueOrDefault(day)));
        var previous = filter.Previous;
        return new RefundHeadline(RefundRates.Sum(byDay, filter.From, filter.To), RefundRates.Sum(byDay, previous.From, previous.To),
            RefundRates.Days(filter.From, filter.To, byDay));
    }

    /// <summary>The most refunded products (by amount) with what they sold in the same days.</summary>
    public async Task<RateBreakdown> ByProductAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync($"""
            WITH refunded AS (
                SELECT a.product_id, sum(a.refunds)::bigint AS refunds, sum(a.amount) AS amount
                FROM agg_refunds_daily a WHERE {FilterSql.ProductRows("a")} GROUP BY 1),
            top AS (
                SELECT r.product_id, r.refunds, r.amount, p.stock_code, p.description
                FROM refunded r JOIN dim_product p USING (product_id) ORDER BY r.amount DESC, p.stock_code LIMIT {ProductsShown}),
            sold AS (
                SELECT a.product_id, sum(a.gross) AS gross FROM agg_sales_daily a
                WHERE {FilterSql.ProductRows("a")} AND a.product_id IN (SELECT product_id FROM top) GROUP BY 1)
            SELECT t.stock_code, t.description, t.refunds, t.amount, coalesce(s.gross, 0),
                   (SELECT sum(refunds)::bigint FROM refunded), (SELECT sum(amount) FROM refunded), (SELECT gross FROM ({SoldSql(filter, null)}) everything)
            FROM top t LEFT JOIN sold s USING (product_id)
            ORDER BY t.amount DESC, t.stock_code
            """, filter, r => (Row: new RateRow(r.GetString(0), r.IsDBNull(1) ? r.GetString(0) : r.GetString(1), r.GetString(0),
                new RefundTotals(r.GetInt64(2), r.GetDecimal(3), r.GetDecimal(4))),
            All: new RefundTotals(r.GetInt64(5), r.GetDecimal(6), r.GetDecimal(7))), cancellationToken);
        return new RateBreakdown(rows.Select(r => r.Row).ToList(), rows.Count == 0 ? RefundTotals.None : rows[0].All);
    }

    /// <summary>Every store with sales or refunds in the view.</summary>
    public async Task<RateBreakdown> ByStoreAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync($"""
            WITH refunded AS (
                SELECT a.store_id, sum(a.refunds)::bigint AS refunds, sum(a.amount) AS amount
                FROM {FilterSql.RefundTotalRows(filter, "a")} GROUP BY 1),
            sold AS ({SoldSql(filter, "a.store_id")})
            SELECT s.store_code, s.city, s.name, coalesce(r.refunds, 0), coalesce(r.amount, 0), coalesce(d.gross, 0)
            FROM refunded r FULL JOIN sold d ON d.key = r.store_id JOIN dim_store s ON s.store_id = coalesce(r.store_id, d.key)
            ORDER BY 5 DESC, 1
            """, filter, r => new RateRow(r.GetString(0), r.IsDBNull(1) ? r.GetString(0) : $"{r.GetString(0)} · {r.GetString(1)}",
            r.IsDBNull(2) ? null : r.GetString(2), new RefundTotals(r.GetInt64(3), r.GetDecimal(4), r.GetDecimal(5))), cancellationToken);
        return new RateBreakdown(rows, rows.Aggregate(RefundTotals.None, (sum, row) => sum.Plus(row.Totals)));
    }

    /// <summary>Each reason's refunds against everything sold in the view: the reasons' rates add up to the view's rate.</summary>
    public async Task<RateBreakdown> ByReasonAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var sold = await database.ScalarAsync<decimal>(SoldSql(filter, null), filter, cancellationToken);
        var rows = await database.ListAsync($"""
            SELECT a.reason, sum(a.refunds)::bigint, sum(a.amount) FROM {FilterSql.RefundRows(filter, "a")}
            GROUP BY 1 ORDER BY 3 DESC, 1
            """, filter, r => new RateRow(r.GetString(0), RefundRates.ReasonName(r.GetString(0)), null,
            new RefundTotals(r.GetInt64(1), r.GetDecimal(2), sold)), cancellationToken);
        return new RateBreakdown(rows, new RefundTotals(rows.Sum(r => r.Totals.Refunds), rows.Sum(r => r.Totals.Refunded), sold));
    }

    /// <summary>
    /// The largest refunds of the range: the only read of a fact here, and a bounded one. Each day's refunds are read
    /// largest first through ix_refunds_day_largest_first, stopping at the day's first 20 that match the filter, and
    /// the range's 20 are the largest of those: about 20 index entries a day for the whole chain, more for a narrow
    /// filter, never more than the range's refunds (1.8k rows for a quarter of a 5-store chain at 5.1M lines, where the
    /// range's refunds are 137k). A named product reads its own refunds of the range through (product_id, date_key).
    /// </summary>
    public Task<List<LargeRefund>> LargestAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var ordered = "r.amount DESC, r.refunded_at DESC, r.refund_id";
        var refunds = filter.Product is not null
            ? $"(SELECT * FROM refunds r WHERE {FilterSql.ProductRows("r")} ORDER BY {ordered} LIMIT {LargestShown}) r"
            : $"""
              unnest(@day_keys) d(date_key), LATERAL (
                  SELECT * FROM refunds r WHERE r.date_key = d.date_key AND {FilterSql.ProductRows("r")} ORDER BY {ordered} LIMIT {LargestShown}) r
              """;
        var days = Enumerable.Range(0, filter.Days).Select(i => DateKeys.Of(filter.From.AddDays(i))).ToArray();
        return database.ListAsync($"""
            SELECT r.refund_code, r.original_invoice, p.stock_code, p.description, s.store_code, s.city, r.amount, r.quantity, r.reason, r.refunded_at
            FROM {refunds} JOIN dim_product p ON p.product_id = r.product_id JOIN dim_store s ON s.store_id = r.store_id
            ORDER BY {ordered}
            LIMIT {LargestShown}
            """, filter, r => new LargeRefund(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.GetDecimal(6), r.GetInt32(7), r.GetString(8), r.GetDateTime(9)), cancellationToken, ("day_keys", days));
    }

    /// <summary>The product the filter names, for its label (one lookup by the unique stock code).</summary>
    public async Task<ProductName?> ProductAsync(string stockCode, CancellationToken cancellationToken) => (await database.ListAsync(
        "SELECT stock_code, description FROM dim_product WHERE stock_code = @code", null,
        r => new ProductName(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken, ("code", stockCode))).SingleOrDefault();

    /// <summary>What was sold for the filter, by <paramref name="key"/> (or in all, when null), from the cheapest summary that answers it.</summary>
    private static string SoldSql(DashboardFilter filter, string? key)
    {
        var (table, where) = filter.Product is not null
            ? ("agg_sales_daily", FilterSql.ProductRows("a"))
            : filter.Category is not null
                ? ("agg_category_daily", $"{FilterSql.Rows("a")} AND a.category = @category")
                : ("agg_store_daily", FilterSql.Rows("a"));
        return key is null
            ? $"SELECT coalesce(sum(a.gross), 0) AS gross FROM {table} a WHERE {where}"
            : $"SELECT {key} AS key, sum(a.gross) AS gross FROM {table} a WHERE {where} GROUP BY 1";
    }
}
