using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RetailInsights.Web.Live;

/// <summary>
/// Keeps the live tables to a week: minutes older than <see cref="LiveOptions.KeepMinutesDays"/> are rolled up into
/// hours, and older events' ids are let go (a retry that late would count again: no POS retries after a week).
/// </summary>
public sealed class LiveRollupJob(NpgsqlDataSource dataSource, IOptions<LiveOptions> options, TimeProvider clock)
{
    public const string RecurringJobId = "live-rollup";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RollUpAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.KeepMinutesDays);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in new[]
                 {
                     """
                     WITH old AS (DELETE FROM live_minutes WHERE minute < @before RETURNING *)
                     INSERT INTO live_hours AS h (hour, store_id, product_id, retailer_id, revenue, lines, refunds)
                     SELECT date_trunc('hour', minute), store_id, product_id, retailer_id, sum(revenue), sum(lines), sum(refunds)
                     FROM old GROUP BY 1, 2, 3, 4
                     ON CONFLICT (hour, store_id, product_id, retailer_id) DO UPDATE SET
                         revenue = h.revenue + excluded.revenue, lines = h.lines + excluded.lines, refunds = h.refunds + excluded.refunds
                     """,
                     """
                     WITH old AS (DELETE FROM live_store_minutes WHERE minute < @before RETURNING *)
                     INSERT INTO live_store_hours AS h (hour, store_id, retailer_id, revenue, transactions, refunds)
                     SELECT date_trunc('hour', minute), store_id, retailer_id, sum(revenue), sum(transactions), sum(refunds)
                     FROM old GROUP BY 1, 2, 3
                     ON CONFLICT (hour, store_id, retailer_id) DO UPDATE SET
                         revenue = h.revenue + excluded.revenue, transactions = h.transactions + excluded.transactions,
                         refunds = h.refunds + excluded.refunds
                     """,
                     "DELETE FROM live_events WHERE received_at < @before",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("before", sql.Contains("received_at", StringComparison.Ordinal)
                ? new DateTimeOffset(before, TimeSpan.Zero) : (object)DateTime.SpecifyKind(before, DateTimeKind.Unspecified));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
