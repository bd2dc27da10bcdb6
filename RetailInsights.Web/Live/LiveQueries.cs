using Npgsql;
using RetailInsights.Core.Anomalies;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Live;

/// <summary>
/// The Live page's figures: today so far from the summaries (rows of today × stores), revenue per minute of the last
/// hour from the minute windows (60 × stores, and 60 × the products that sold), the latest sales and refunds from the
/// events' key (an index read of 50 and 20 rows). Nothing here grows with the day's lines.
/// </summary>
public sealed class LiveQueries(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int SalesShown = 50;
    public const int RefundsShown = 20;
    public const int ProductsShown = 8;

    /// <summary>A minute is unusual when its robust z-score against the hour before exceeds this, with 15 minutes of history.</summary>
    public const double AnomalyThreshold = 3.5;

    public async Task<LiveSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var thisMinute = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        var minutes = Enumerable.Range(0, 60).Select(i => thisMinute.AddMinutes(i - 59)).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var today = await TodayAsync(connection, DateOnly.FromDateTime(now), cancellationToken);
        var byStore = await SeriesAsync(connection, """
            SELECT s.store_code, coalesce(s.name, s.store_code), m.minute, sum(m.revenue)
            FROM live_store_minutes m JOIN dim_store s USING (store_id) WHERE m.minute >= @from GROUP BY 1, 2, 3
            """, minutes, cancellationToken);
        var byProduct = await SeriesAsync(connection, $"""
            WITH top AS (SELECT product_id FROM live_minutes WHERE minute >= @from GROUP BY 1 ORDER BY sum(revenue) DESC LIMIT {ProductsShown})
            SELECT p.stock_code, coalesce(p.description, p.stock_code), m.minute, sum(m.revenue)
            FROM live_minutes m JOIN top USING (product_id) JOIN dim_product p USING (product_id) WHERE m.minute >= @from GROUP BY 1, 2, 3
            """, minutes, cancellationToken);
        var sales = await ListAsync(connection, $"""
            SELECT e.occurred_at, e.invoice, coalesce(p.description, p.stock_code), coalesce(s.name, s.store_code), c.customer_code, e.amount, e.is_late
            FROM (SELECT * FROM live_events WHERE kind = 's' ORDER BY seq DESC LIMIT {SalesShown}) e
            JOIN dim_product p USING (product_id) JOIN dim_store s USING (store_id) LEFT JOIN dim_customer c USING (customer_id)
            ORDER BY e.seq DESC
            """, r => new LiveSale(r.GetDateTime(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetDecimal(5), r.GetBoolean(6)), cancellationToken);
        var refunds = await ListAsync(connection, $"""
            SELECT e.occurred_at, e.invoice, coalesce(p.description, p.stock_code), coalesce(s.name, s.store_code), e.amount, e.reason
            FROM (SELECT * FROM live_events WHERE kind = 'r' ORDER BY seq DESC LIMIT {RefundsShown}) e
            JOIN dim_product p USING (product_id) JOIN dim_store s USING (store_id)
            ORDER BY e.seq DESC
            """, r => new LiveRefund(r.GetDateTime(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetString(5)),
            cancellationToken);
        return new LiveSnapshot(now, today, minutes, byStore, byProduct, sales, refunds, Anomalies(byStore, minutes));
    }

    /// <summary>Each store's latest complete minute against the (up to) hour before it.</summary>
    public static IReadOnlyList<MinuteAnomaly> Anomalies(IReadOnlyList<MinuteSeries> stores, IReadOnlyList<DateTime> minutes)
    {
        var anomalies = new List<MinuteAnomaly>();
        foreach (var store in stores)
        {
            // The current minute is still filling: the last complete one is judged, against those before it.
            var last = store.Revenue.Count - 2;
            var first = store.Revenue.Take(last).ToList().FindIndex(v => v != 0);
            if (last < 1 || first < 0 || last - first < 15)
                continue;
            var history = store.Revenue.Skip(first).Take(last - first).Select(v => (double)v).ToArray();
            if (RobustZ.Score((double)store.Revenue[last], history) is { } z && Math.Abs(z) > AnomalyThreshold)
                anomalies.Add(new MinuteAnomaly(store.Label, minutes[last], store.Revenue[last], Math.Round(z, 1)));
        }
        return anomalies;
    }

    private static async Task<LiveToday> TodayAsync(NpgsqlConnection connection, DateOnly day, CancellationToken cancellationToken)
    {
        var key = DateKeys.Of(day);
        var stores = await ListAsync(connection, "SELECT gross, invoices, customer_ids_binary FROM agg_store_daily WHERE date_key = @day",
            r => (Gross: r.GetDecimal(0), Invoices: r.GetInt64(1), Customers: CustomerIdSet.FromBinary(r.GetFieldValue<byte[]>(2))), cancellationToken, ("day", key));
        var refunds = (await ListAsync(connection, "SELECT coalesce(sum(amount), 0) FROM agg_refunds_store_daily WHERE date_key = @day",
            r => r.GetDecimal(0), cancellationToken, ("day", key))).Single();
        return new LiveToday(day, stores.Sum(s => s.Gross), refunds, stores.Sum(s => s.Invoices),
            CustomerIdSets.CountDistinct(stores.Select(s => s.Customers)));
    }

    private static async Task<List<MinuteSeries>> SeriesAsync(NpgsqlConnection connection, string sql, IReadOnlyList<DateTime> minutes,
        CancellationToken cancellationToken)
    {
        var rows = await ListAsync(connection, sql, r => (Key: r.GetString(0), Label: r.GetString(1), Minute: r.GetDateTime(2), Revenue: r.GetDecimal(3)),
            cancellationToken, ("from", minutes[0]));
        return rows.GroupBy(r => (r.Key, r.Label)).OrderBy(g => g.Key.Label, StringComparer.Ordinal).Select(g =>
        {
            var byMinute = g.ToDictionary(r => r.Minute, r => r.Revenue);
            return new MinuteSeries(g.Key.Key, g.Key.Label, minutes.Select(m => byMinute.GetValueOrDefault(m)).ToList());
        }).ToList();
    }

    private static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader));
        return rows;
    }
}
