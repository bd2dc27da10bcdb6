using System.Diagnostics;
using Npgsql;
using RetailInsights.Web.Infrastructure.Postgres;

namespace RetailInsights.Web.Warehouse;

/// <summary>
/// Keeps the summary tables (<see cref="SummaryTables"/>) in step with the facts: each batch of facts adds itself in
/// its own transaction, a catalog that moves products recomputes the days they sold, and a rebuild recomputes all
/// from the facts.
/// </summary>
public sealed class Summaries(NpgsqlDataSource dataSource, ILogger<Summaries> logger)
{
    /// <summary>Adds a batch's facts to the summaries, inside the transaction that inserted them.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, SummaryBatch batch, CancellationToken cancellationToken)
    {
        foreach (var sql in IncrementalSummarySql.For(batch))
            await ExecuteAsync(connection, batch, sql, cancellationToken);
    }

    /// <summary>
    /// Adds a batch whose sales were added up as they were copied in (<see cref="TotalsSummarySql"/>), inside the
    /// transaction that inserted them; its refunds, if any, are added from the facts.
    /// </summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, SummaryBatch batch, SalesTotals totals, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, batch, TotalsSummarySql.Tables, cancellationToken);
        totals.CopyTo(connection);
        IReadOnlyList<string> cells = TotalsSummarySql.Cells;
        if (!await UniqueAttempt.RunAsync(connection, "new_invoices",
                () => ExecuteAsync(connection, batch, TotalsSummarySql.NewInvoices, cancellationToken), cancellationToken))
        {
            // A transaction of the batch began in an earlier one: the cells' counts need to know which transactions are new.
            await ExecuteAsync(connection, batch, IncrementalSummarySql.BatchInvoicesTable, cancellationToken);
            await ExecuteAsync(connection, batch, TotalsSummarySql.Invoices, cancellationToken);
            cells = IncrementalSummarySql.SaleCellsFor(batch);
        }
        foreach (var sql in cells)
            await ExecuteAsync(connection, batch, sql, cancellationToken);
        await ApplyRefundsAsync(connection, batch, cancellationToken);
    }

    /// <summary>Adds a batch of refunds alone (a refunds file) to the summaries, inside the transaction that inserted them.</summary>
    public static async Task ApplyRefundsAsync(NpgsqlConnection connection, SummaryBatch batch, CancellationToken cancellationToken)
    {
        foreach (var sql in IncrementalSummarySql.RefundsFor(batch))
            await ExecuteAsync(connection, batch, sql, cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, SummaryBatch batch, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (sql.Contains("@batch", StringComparison.Ordinal))
            command.Parameters.AddWithValue("batch", batch.BatchId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Products whose category a catalog is about to change, among those that sold or were refunded: their days' category summaries
    /// are recomputed after the change (<see cref="RecategorizeAsync"/>). @stage holds the catalog's rows.
    /// </summary>
    public static async Task<int[]> DaysOfRecategorizedProductsAsync(NpgsqlConnection connection, string newCategories,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH moved AS (SELECT p.product_id FROM dim_product p JOIN ({newCategories}) c USING (stock_code)
                           WHERE coalesce(p.category, '') IS DISTINCT FROM coalesce(c.category, ''))
            SELECT coalesce(array_agg(DISTINCT date_key), ARRAY[]::integer[]) FROM (
                SELECT a.date_key FROM agg_sales_daily a WHERE a.product_id IN (SELECT product_id FROM moved)
                UNION SELECT a.date_key FROM agg_refunds_daily a WHERE a.product_id IN (SELECT product_id FROM moved)) days
            """, connection) { CommandTimeout = 0 };
        return (int[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Recomputes the category summaries of these days from the facts, inside the caller's transaction.</summary>
    public static async Task RecategorizeAsync(NpgsqlConnection connection, int[] days, CancellationToken cancellationToken)
    {
        if (days.Length == 0)
            return;
        foreach (var sql in RebuildSummarySql.CategoryDays)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("days", days);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Recomputes the summaries of the (day, store) cells listed in the temporary table <c>replaced_cells</c> from the
    /// facts, inside the caller's transaction; <paramref name="days"/> are the cells' days.
    /// </summary>
    public static async Task RecomputeCellsAsync(NpgsqlConnection connection, int[] days, CancellationToken cancellationToken)
    {
        foreach (var sql in RebuildSummarySql.Cells)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("days", days);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Recomputes every summary from the facts in one transaction. Loads wait meanwhile (the summaries are locked
    /// first, and the facts read on one snapshot taken after), then add themselves to the rebuilt tables.
    /// </summary>
    public async Task<TimeSpan> RebuildAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        string[] statements =
        [
            $"LOCK TABLE {string.Join(", ", SummaryTables.All)}, {SummaryTables.RebuildRequests} IN EXCLUSIVE MODE",
            .. RebuildSummarySql.All,
            $"DELETE FROM {SummaryTables.RebuildRequests}",
        ];
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Summaries rebuilt from the facts in {Seconds:F1}s", clock.Elapsed.TotalSeconds);
        return clock.Elapsed;
    }

    /// <summary>Rebuilds when a migration asked for it (a new or changed summary over facts already loaded).</summary>
    public async Task RebuildIfRequestedAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {SummaryTables.RebuildRequests})");
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
            await RebuildAsync(cancellationToken);
    }
}
