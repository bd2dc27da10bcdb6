using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>
/// Each store's gross, refunds, net and transactions for the filter's days and the days before, and the days'
/// totals, from the store-day summaries of sales and refunds. Cost: rows read ∝ 2 × days × stores of agg_store_daily and
/// of agg_refunds_store_daily (one scan each, grouped two ways at once), plus the store dimension; rows returned ∝
/// stores + days. Never the number of lines.
/// </summary>
public sealed class StoreSummaryQueries(DashboardDatabase database)
{
    private sealed record Group(int? StoreId, bool? Current, DateOnly? Day, decimal Amount, long Transactions);

    public async Task<StoreSummaries> SummariesAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        // Store figures do not go by product (the page leaves a category out): refunds too are the store-days' totals.
        var both = filter with { From = filter.Previous.From, Category = null, Product = null };
        var current = ("current", (object)DateKeys.Of(filter.From));
        var stores = (await StoreDimension.ReadAsync(database, cancellationToken)).ToDictionary(s => s.Id);
        var sales = await GroupedAsync($"agg_store_daily a WHERE {FilterSql.Rows("a")}", "a.gross", "a.invoices", both, current, cancellationToken);
        var refunds = await GroupedAsync(FilterSql.RefundTotalRows(both, "a"), "a.amount", "0", both, current, cancellationToken);

        var salesByStore = sales.Where(g => g.StoreId is not null).ToDictionary(g => (g.StoreId!.Value, g.Current!.Value));
        var refundsByStore = refunds.Where(g => g.StoreId is not null).ToDictionary(g => (g.StoreId!.Value, g.Current!.Value));
        var salesByDay = sales.Where(g => g.Day is not null).ToDictionary(g => g.Day!.Value);
        var refundsByDay = refunds.Where(g => g.Day is not null).ToDictionary(g => g.Day!.Value);

        StorePeriod Period(int storeId, bool inCurrent) => new(
            salesByStore.GetValueOrDefault((storeId, inCurrent))?.Amount ?? 0,
            refundsByStore.GetValueOrDefault((storeId, inCurrent))?.Amount ?? 0,
            salesByStore.GetValueOrDefault((storeId, inCurrent))?.Transactions ?? 0);
        var summaries = salesByStore.Keys.Concat(refundsByStore.Keys).Select(k => k.Item1).Distinct()
            .Where(stores.ContainsKey)
            .Select(id => new StoreSummary(stores[id].Info, Period(id, true), Period(id, false)))
            .OrderByDescending(s => s.Current.Net).ThenBy(s => s.Store.Code, StringComparer.Ordinal)
            .ToList();
        var days = Enumerable.Range(0, filter.Days).Select(filter.From.AddDays).Select(day => new StoreDay(day,
            salesByDay.GetValueOrDefault(day)?.Amount ?? 0, refundsByDay.GetValueOrDefault(day)?.Amount ?? 0,
            salesByDay.GetValueOrDefault(day)?.Transactions ?? 0)).ToList();
        return new StoreSummaries(summaries, days);
    }

    // One scan, two groupings: per store and period, and per day (the sparklines).
    private Task<List<Group>> GroupedAsync(string rows, string amount, string transactions, DashboardFilter both,
        (string, object) current, CancellationToken cancellationToken) => database.ListAsync($"""
        SELECT store_id, current, CASE WHEN grouping(date_key) = 0 THEN date_key END, sum(amount), sum(transactions)::bigint
        FROM (SELECT a.store_id, a.date_key, a.date_key >= @current AS current, {amount} AS amount, {transactions} AS transactions
              FROM {rows}) rows
        GROUP BY GROUPING SETS ((store_id, current), (date_key))
        """, both, r => new Group(r.IsDBNull(0) ? null : r.GetInt32(0), r.IsDBNull(1) ? null : r.GetBoolean(1),
            r.IsDBNull(2) ? null : DateKeys.Day(r.GetInt32(2)), r.GetDecimal(3), r.GetInt64(4)), cancellationToken, current);
}
