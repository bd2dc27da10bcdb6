using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Domain;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Infrastructure.Postgres;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Live;

/// <summary>
/// Writes a batch of live events durably before the API answers, in one transaction: the events not seen before from
/// their source system (<c>live_events</c>, whose key makes a retried request a no-op), their dimension rows, their
/// facts in the same tables as file lines (a sale already loaded from the store's file is not loaded again: the facts'
/// natural key decides, identical scans numbered as a file numbers them), the dashboards' summaries, the per-minute
/// windows, and a notification for the open Live pages. Events rows are binary-COPYed into a temporary table first,
/// so a batch costs a handful of statements whatever its size.
/// </summary>
public sealed class EventWriter(NpgsqlDataSource dataSource)
{
    private const int Attempts = 4;
    private readonly ConcurrentDictionary<string, long> feeds = new(StringComparer.Ordinal);

    /// <summary>
    /// Batches posted side by side touch the same summary rows (today's, per store) and dimension rows: when PostgreSQL
    /// breaks a deadlock it rolls one batch back whole, and writing it again is safe (it is one transaction).
    /// </summary>
    private static async Task<T> RetriedAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                                              && attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt * Random.Shared.Next(1, 4)), cancellationToken);
            }
        }
    }

    /// <param name="cutoff">The oldest time a window still takes (now less the allowed lateness); older events are late.</param>
    public Task<EventBatchResult> WriteSalesAsync(string source, IReadOnlyList<AcceptedEvent<TransactionRow>> sales, DateTime cutoff,
        CancellationToken cancellationToken) => RetriedAsync(() => WriteSalesOnceAsync(source, sales, cutoff, cancellationToken), cancellationToken);

    public Task<EventBatchResult> WriteRefundsAsync(string source, IReadOnlyList<AcceptedEvent<RefundRow>> refunds, DateTime cutoff,
        CancellationToken cancellationToken) => RetriedAsync(() => WriteRefundsOnceAsync(source, refunds, cutoff, cancellationToken), cancellationToken);

    private Task<EventBatchResult> WriteSalesOnceAsync(string source, IReadOnlyList<AcceptedEvent<TransactionRow>> sales, DateTime cutoff,
        CancellationToken cancellationToken) =>
        WriteOnceAsync(source, sales, EventSql.CreateIncomingSales, EventSql.CopyIncomingSales, EventSql.Sales, cutoff, async (copy, sale) =>
        {
            await copy.WriteAsync(PgText.Clean(sale.Invoice), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(PgText.Clean(sale.StockCode), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(sale.Quantity, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(sale.UnitPrice, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(sale.InvoicedAt, NpgsqlDbType.Timestamp, cancellationToken);
            await WriteNullableAsync(copy, PgText.Clean(sale.CustomerId), cancellationToken);
            await copy.WriteAsync(PgText.Clean(sale.StoreCode), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(sale.Flags.HasFlag(RowFlags.NonProduct), NpgsqlDbType.Boolean, cancellationToken);
        }, cancellationToken);

    private Task<EventBatchResult> WriteRefundsOnceAsync(string source, IReadOnlyList<AcceptedEvent<RefundRow>> refunds, DateTime cutoff,
        CancellationToken cancellationToken) =>
        WriteOnceAsync(source, refunds, EventSql.CreateIncomingRefunds, EventSql.CopyIncomingRefunds, EventSql.Refunds, cutoff, async (copy, refund) =>
        {
            await copy.WriteAsync(PgText.Clean(refund.Invoice), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(PgText.Clean(refund.StockCode), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(refund.Quantity, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(refund.Amount, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(refund.Reason, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(refund.RefundedAt, NpgsqlDbType.Timestamp, cancellationToken);
            await WriteNullableAsync(copy, PgText.Clean(refund.CustomerId), cancellationToken);
            await copy.WriteAsync(PgText.Clean(refund.StoreCode), NpgsqlDbType.Text, cancellationToken);
        }, cancellationToken);

    /// <summary>One batch in one transaction: its events copied into <c>incoming</c>, then the steps of their kind.</summary>
    /// <param name="writeRow">Writes an event's own columns, after its position in the batch and its id.</param>
    private async Task<EventBatchResult> WriteOnceAsync<TRow>(string source, IReadOnlyList<AcceptedEvent<TRow>> events, string createIncoming,
        string copyIncoming, EventSql.Steps steps, DateTime cutoff, Func<NpgsqlBinaryImporter, TRow, Task> writeRow,
        CancellationToken cancellationToken) where TRow : ParsedRow
    {
        if (events.Count == 0)
            return new EventBatchResult(0, 0, 0, 0);
        var feed = await FeedAsync(source, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, createIncoming, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(copyIncoming, cancellationToken))
        {
            foreach (var (index, eventId, row) in events)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync((long)index, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(PgText.Clean(eventId), NpgsqlDbType.Text, cancellationToken);
                await writeRow(copy, row);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        var result = await RunAsync(connection, feed, source, steps, cutoff, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<EventBatchResult> RunAsync(NpgsqlConnection connection, long feed, string source, EventSql.Steps steps,
        DateTime cutoff, CancellationToken cancellationToken)
    {
        (string, object)[] parameters = [("retailer", source), ("feed", feed), ("cutoff", cutoff)];
        foreach (var sql in steps.Dimensions)
            await ExecuteAsync(connection, sql, cancellationToken, parameters);
        var fresh = await ExecuteAsync(connection, steps.Fresh, cancellationToken, parameters);
        var loaded = await ExecuteAsync(connection, steps.Facts, cancellationToken, parameters);
        await Summaries.ApplyAsync(connection, steps.Summaries, cancellationToken);
        foreach (var sql in steps.Windows)
            await ExecuteAsync(connection, sql, cancellationToken, parameters);
        var total = (int)await PgStatements.CountAsync(connection, "SELECT count(*) FROM incoming", cancellationToken);
        var late = (int)await PgStatements.CountAsync(connection, steps.Late, cancellationToken, parameters);
        await DataChanges.NotifyAsync(connection, DataChanges.Events, cancellationToken);
        return new EventBatchResult(loaded, total - fresh, fresh - loaded, late);
    }

    /// <summary>
    /// Whether the source system exists. The writes add a source they have not seen (as a file's load does); the API
    /// asks first for a key limited to sources, which may not add one.
    /// </summary>
    public async Task<bool> SourceExistsAsync(string source, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM dim_retailer WHERE code = @code)");
        command.Parameters.AddWithValue("code", source);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The uploads row that a source system's live facts belong to (one per source, made on first use).</summary>
    private async Task<long> FeedAsync(string source, CancellationToken cancellationToken) =>
        feeds.TryGetValue(source, out var feed) ? feed : feeds[source] = await LiveFeeds.EnsureAsync(dataSource, source, cancellationToken);

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
            await copy.WriteNullAsync(cancellationToken);
        else
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
    }

    private static Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters) => PgStatements.ExecuteAsync(connection, sql, cancellationToken, parameters);
}
