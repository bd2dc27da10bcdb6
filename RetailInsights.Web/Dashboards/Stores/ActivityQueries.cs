using Npgsql;
using RetailInsights.Core.Anomalies;

namespace RetailInsights.Web.Dashboards.Stores;

public enum ActivityBy
{
    Store,
    Product,
}

public sealed record DailyActivity(string Key, DateOnly Date, decimal Revenue, long Transactions);

public sealed record HourlyActivity(string Key, int Hour, decimal Revenue, long Transactions);

/// <summary>
/// Revenue and transactions per store or product, per day and per hour of day, and the days that depart from their
/// recent pattern (see <see cref="RobustZScoreDetector"/> for the rule). Set-based SQL over the facts; non-product
/// lines (fees, postage) are left out of product figures.
/// </summary>
public sealed class ActivityQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<DailyActivity>> DailyAsync(ActivityBy by, int lastDays, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {KeyColumn(by)}, d.date, sum(f.line_amount), count(DISTINCT f.invoice)
            FROM fact_sales f
            JOIN dim_date d ON d.date_key = f.date_key
            {Join(by)}
            WHERE f.date_key > (SELECT to_char(to_date(max(date_key)::text, 'YYYYMMDD') - @days, 'YYYYMMDD')::int FROM fact_sales)
            GROUP BY 1, 2
            ORDER BY 1, 2
            """);
        command.Parameters.AddWithValue("days", lastDays);
        var result = new List<DailyActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result.Add(new DailyActivity(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetDecimal(2), reader.GetInt64(3)));
        return result;
    }

    public async Task<IReadOnlyList<HourlyActivity>> HourlyAsync(ActivityBy by, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {KeyColumn(by)}, extract(hour FROM f.invoiced_at)::int, sum(f.line_amount), count(DISTINCT f.invoice)
            FROM fact_sales f
            {Join(by)}
            GROUP BY 1, 2
            ORDER BY 1, 2
            """);
        var result = new List<HourlyActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result.Add(new HourlyActivity(reader.GetString(0), reader.GetInt32(1), reader.GetDecimal(2), reader.GetInt64(3)));
        return result;
    }

    /// <summary>Unusual days of the last <paramref name="lastDays"/> days (the first weeks serve as history).</summary>
    public async Task<IReadOnlyList<Anomaly>> AnomaliesAsync(ActivityBy by, int lastDays, CancellationToken cancellationToken)
    {
        var daily = await DailyAsync(by, lastDays, cancellationToken);
        var detector = new RobustZScoreDetector();
        return daily.GroupBy(d => d.Key)
            .SelectMany(g => detector.Detect(g.Key, g.Select(d => new DailyValue(d.Date, d.Revenue))))
            .OrderByDescending(a => a.Date).ThenByDescending(a => Math.Abs(a.RobustZ))
            .ToList();
    }

    private static string KeyColumn(ActivityBy by) => by == ActivityBy.Store ? "s.store_code" : "p.stock_code";

    private static string Join(ActivityBy by) => by == ActivityBy.Store
        ? "JOIN dim_store s ON s.store_id = f.store_id"
        : "JOIN dim_product p ON p.product_id = f.product_id AND NOT p.is_non_product";
}
