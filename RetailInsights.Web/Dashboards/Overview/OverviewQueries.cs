using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards.Overview;

/// <summary>
/// The Overview's figures, all from the summary tables: the store-day summary (or the category-day one, when the
/// filter names a category) for sales, transactions and customers, the refund and product summaries. A query reads
/// days × stores (× products for the top list) rows, however many lines the days held.
/// </summary>
public sealed class OverviewQueries(DashboardDatabase database)
{
    public const int TopProductsShown = 10;

    public async Task<OverviewKpis> KpisAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        // The period and the one before it in one read each: rows of days × stores.
        var both = filter with { From = filter.Previous.From };
        var (table, category) = filter.Category is null ? ("agg_store_daily", "") : ("agg_category_daily", "AND a.category = @category");
        var sales = await database.ListAsync($"""
            SELECT a.date_key, a.gross, a.invoices, a.customer_ids_binary FROM {table} a WHERE {FilterSql.Rows("a")} {category}
            """, both, r => (Day: DateKeys.Day(r.GetInt32(0)), Gross: r.GetDecimal(1), Invoices: r.GetInt64(2),
                Customers: CustomerIdSet.FromBinary(r.GetFieldValue<byte[]>(3))),
            cancellationToken);
        var refunds = (await database.ListAsync($"""
            SELECT a.date_key, sum(a.amount) FROM {FilterSql.RefundTotalRows(both, "a")} GROUP BY 1
            """, both, r => (Day: DateKeys.Day(r.GetInt32(0)), Amount: r.GetDecimal(1)), cancellationToken)).ToDictionary(r => r.Day, r => r.Amount);

        PeriodFigures Period(DateOnly from, DateOnly to)
        {
            var rows = sales.Where(s => s.Day >= from && s.Day <= to).ToList();
            return new PeriodFigures(rows.Sum(r => r.Gross), refunds.Where(r => r.Key >= from && r.Key <= to).Sum(r => r.Value),
                rows.Sum(r => r.Invoices), DistinctCustomers(rows.Select(r => r.Customers)));
        }
        var days = Enumerable.Range(0, filter.Days).Select(i => filter.From.AddDays(i)).Select(day =>
        {
            var rows = sales.Where(s => s.Day == day).ToList();
            return new DayFigures(day, rows.Sum(r => r.Gross), refunds.GetValueOrDefault(day), rows.Sum(r => r.Invoices),
                DistinctCustomers(rows.Select(r => r.Customers)));
        }).ToList();
        return new OverviewKpis(Period(filter.From, filter.To), Period(filter.Previous.From, filter.Previous.To), days);
    }

    /// <summary>Exact distinct customers: the union of the sorted id sets each store kept for each day.</summary>
    public static long DistinctCustomers(IEnumerable<CustomerIdSet> idSets) => CustomerIdSets.CountDistinct(idSets);

    /// <summary>Gross revenue per day and category, for the stacked chart.</summary>
    public Task<List<CategoryDay>> RevenueByCategoryAsync(DashboardFilter filter, CancellationToken cancellationToken) => database.ListAsync($"""
        SELECT a.date_key, a.category, sum(a.gross) FROM agg_category_daily a
        WHERE {FilterSql.Rows("a")} AND (@category IS NULL OR a.category = @category)
        GROUP BY 1, 2 ORDER BY 1, 2
        """, filter, r => new CategoryDay(DateKeys.Day(r.GetInt32(0)), r.GetString(1), r.GetDecimal(2)), cancellationToken);

    public Task<List<TopProduct>> TopProductsAsync(DashboardFilter filter, CancellationToken cancellationToken) => database.ListAsync($"""
        SELECT p.stock_code, p.description, coalesce(p.category, ''),
               coalesce(sum(a.quantity) FILTER (WHERE a.date_key >= @current), 0),
               coalesce(sum(a.gross) FILTER (WHERE a.date_key >= @current), 0),
               coalesce(sum(a.gross) FILTER (WHERE a.date_key < @current), 0)
        FROM agg_sales_daily a JOIN dim_product p USING (product_id)
        WHERE {FilterSql.ProductRows("a")} AND NOT p.is_non_product
        GROUP BY 1, 2, 3
        HAVING sum(a.gross) FILTER (WHERE a.date_key >= @current) > 0
        ORDER BY 5 DESC, 1 LIMIT {TopProductsShown}
        """, filter with { From = filter.Previous.From },
        r => new TopProduct(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetDecimal(4), r.GetDecimal(5)),
        cancellationToken, ("current", DateKeys.Of(filter.From)));

    public async Task<Freshness> FreshnessAsync(CancellationToken cancellationToken) => (await database.ListAsync($"""
        SELECT latest.day, (SELECT max(hour) FROM agg_store_hourly WHERE date_key = latest.day),
               (SELECT max(finished_at) FROM uploads WHERE status = '{UploadStatuses.Loaded}'),
               (SELECT max(finished_at) FROM ({LatestRun.Succeeded}) runs)
        FROM (SELECT max(date_key) AS day FROM agg_store_hourly) latest
        """, null, r => new Freshness(r.IsDBNull(0) ? null : DateKeys.Day(r.GetInt32(0)), r.IsDBNull(1) ? null : r.GetInt16(1),
            r.IsDBNull(2) ? null : r.GetDateTime(2), r.IsDBNull(3) ? null : r.GetDateTime(3)), cancellationToken)).Single();
}
