using RetailInsights.Core.Anomalies;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>One store's gross revenue on each day of the range, and its unusual days among them.</summary>
public sealed record StoreTrend(StoreProfile Store, IReadOnlyList<DailyValue> Days, IReadOnlyList<Anomaly> Flags)
{
    public decimal Gross => Days.Sum(d => d.Value);
}

/// <summary>The stores drawn as small multiples (the largest ones when there are many), and how many had sales.</summary>
public sealed record StoreTrends(IReadOnlyList<StoreTrend> Shown, int Stores)
{
    public decimal Highest => Shown.SelectMany(s => s.Days).Select(d => d.Value).DefaultIfEmpty(0).Max();
}

/// <summary>
/// Gross revenue per store and day, from 28 days before the range (the anomaly window, see <see cref="DayFlags"/>) to
/// its end, with each day's flag. Cost: rows read ∝ (days + 28) × stores of agg_store_daily; rows returned
/// ∝ (days + 28) × <see cref="MaxShown"/> at most.
/// </summary>
public sealed class StoreTrendQueries(DashboardDatabase database)
{
    /// <summary>Small multiples stop reading well past a dozen; the page says how many were left out.</summary>
    public const int MaxShown = 12;

    public async Task<StoreTrends> TrendsAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var stores = (await StoreDimension.ReadAsync(database, cancellationToken)).ToDictionary(s => s.Id, s => s.Info);
        var rows = await database.ListAsync($"""
            WITH daily AS (
                SELECT a.store_id, a.date_key, sum(a.gross) AS gross FROM agg_store_daily a WHERE {FilterSql.Rows("a")} GROUP BY 1, 2),
            ranked AS (
                SELECT store_id, coalesce(sum(gross) FILTER (WHERE date_key >= @current), 0) AS range_gross, count(*) OVER () AS stores
                FROM daily GROUP BY store_id)
            SELECT d.store_id, d.date_key, d.gross, shown.stores
            FROM daily d JOIN (SELECT * FROM ranked ORDER BY range_gross DESC, store_id LIMIT {MaxShown}) shown USING (store_id)
            ORDER BY shown.range_gross DESC, d.store_id, d.date_key
            """, filter with { From = DayFlags.HistoryFrom(filter.From) },
            r => (Store: r.GetInt32(0), Value: new DailyValue(DateKeys.Day(r.GetInt32(1)), r.GetDecimal(2)), Stores: r.GetInt64(3)),
            cancellationToken, ("current", DateKeys.Of(filter.From)));
        var shown = rows.GroupBy(r => r.Store).Where(g => stores.ContainsKey(g.Key)).Select(g =>
        {
            var store = stores[g.Key];
            var series = g.Select(r => r.Value).ToList();
            return new StoreTrend(store, DayFlags.Days(series, filter.From, filter.To), DayFlags.InRange(store.Code, series, filter.From, filter.To));
        }).ToList();
        return new StoreTrends(shown, rows.Count == 0 ? 0 : (int)rows[0].Stores);
    }
}
