using RetailInsights.Core.Anomalies;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>How many stores' and products' days of the range were flagged.</summary>
public sealed record UnusualDayCounts(int StoreDays, int ProductDays)
{
    public int Total => StoreDays + ProductDays;
}

/// <summary>
/// The unusual days of the filter's range (see <see cref="DayFlags"/>), for stores (agg_store_daily) and for products
/// (agg_sales_daily; fees and postage left out), computed from the summaries and then sorted and paged, so the grid
/// holds one page. Cost: rows read ∝ (days + 28) × stores for stores and (days + 28) × stores × products for
/// products; rows returned ∝ (days + 28) × (stores + products); the detector's work ∝ the same × 28. Never the number
/// of lines. The page's card counts them on every load (a new filter, new data) and the grid's pages reuse those
/// flags (a few records per store or product at most) instead of reading the summaries again for each page or order.
/// </summary>
public sealed class UnusualDayQueries(DashboardDatabase database)
{
    private (DashboardFilter Filter, Task<List<UnusualDay>> Flags)? _latest;

    public async Task<UnusualDayCounts> CountsAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var days = await Remember(filter, FlagsAsync(filter, cancellationToken));
        return new UnusualDayCounts(days.Count(d => d.Kind == UnusualKind.Store), days.Count(d => d.Kind == UnusualKind.Product));
    }

    public async Task<UnusualDaysPage> PageAsync(DashboardFilter filter, string? sortBy, bool descending, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var flags = _latest is { } latest && latest.Filter == filter && !latest.Flags.IsFaulted && !latest.Flags.IsCanceled
            ? latest.Flags
            : Remember(filter, FlagsAsync(filter, cancellationToken));
        return UnusualDayOrder.Page(await flags, sortBy, descending, page, pageSize);
    }

    private Task<List<UnusualDay>> Remember(DashboardFilter filter, Task<List<UnusualDay>> flags)
    {
        _latest = (filter, flags);
        return flags;
    }

    public async Task<List<UnusualDay>> FlagsAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var span = filter with { From = DayFlags.HistoryFrom(filter.From) };
        // Side by side: the products' series is the larger read, and neither waits for the other.
        var storesRead = StoreDimension.ReadAsync(database, cancellationToken);
        var storeSeriesRead = SeriesAsync($"""
            SELECT a.store_id, a.date_key, sum(a.gross) FROM agg_store_daily a WHERE {FilterSql.Rows("a")} GROUP BY 1, 2 ORDER BY 1, 2
            """, span, cancellationToken);
        var productSeriesRead = SeriesAsync($"""
            SELECT a.product_id, a.date_key, sum(a.gross) FROM agg_sales_daily a
            WHERE {FilterSql.Rows("a")} AND a.product_id IN (SELECT product_id FROM dim_product WHERE NOT is_non_product)
            GROUP BY 1, 2 ORDER BY 1, 2
            """, span, cancellationToken);
        await Task.WhenAll(storesRead, storeSeriesRead, productSeriesRead);
        var stores = (await storesRead).ToDictionary(s => s.Id, s => s.Info);
        var (storeSeries, productSeries) = (await storeSeriesRead, await productSeriesRead);

        var flagged = new List<UnusualDay>();
        foreach (var (storeId, series) in storeSeries)
        {
            if (stores.TryGetValue(storeId, out var store))
                flagged.AddRange(DayFlags.InRange(store.Code, series, filter.From, filter.To).Select(a => Day(UnusualKind.Store, a, store.Label)));
        }
        var productFlags = productSeries.SelectMany(p => DayFlags.InRange(p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Value,
            filter.From, filter.To).Select(a => (Id: p.Key, Anomaly: a))).ToList();
        var products = await ProductsAsync(productFlags.Select(f => f.Id).Distinct().ToArray(), cancellationToken);
        foreach (var (id, anomaly) in productFlags)
        {
            var (code, label) = products[id];
            flagged.Add(Day(UnusualKind.Product, anomaly with { Key = code }, label));
        }
        return flagged;
    }

    private static UnusualDay Day(UnusualKind kind, Anomaly anomaly, string label) =>
        new(kind, anomaly.Key, label, anomaly.Date, anomaly.Value, anomaly.Expected, anomaly.RobustZ);

    private async Task<Dictionary<int, List<DailyValue>>> SeriesAsync(string sql, DashboardFilter span, CancellationToken cancellationToken) =>
        (await database.ListAsync(sql, span, r => (Id: r.GetInt32(0), Value: new DailyValue(DateKeys.Day(r.GetInt32(1)), r.GetDecimal(2))),
            cancellationToken))
        .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Select(r => r.Value).ToList());

    // Only the flagged products' names are read: a handful of rows by key.
    private async Task<Dictionary<int, (string Code, string Label)>> ProductsAsync(int[] ids, CancellationToken cancellationToken) =>
        ids.Length == 0 ? [] : (await database.ListAsync(
            "SELECT product_id, stock_code, description FROM dim_product WHERE product_id = ANY(@ids)", null,
            r => (Id: r.GetInt32(0), Code: r.GetString(1), Label: r.IsDBNull(2) ? r.GetString(1) : r.GetString(2)), cancellationToken, ("ids", ids)))
        .ToDictionary(p => p.Id, p => (p.Code, p.Label));
}
