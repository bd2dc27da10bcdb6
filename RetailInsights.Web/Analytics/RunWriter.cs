using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Clustering;
using RetailInsights.Core.Mining;
using RetailInsights.Core.Segmentation;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// Persists analysis runs: the run's row as it starts and ends, and its results (rules, scored customers, clusters)
/// in one transaction, so a run's results appear whole or not at all.
/// </summary>
public sealed class RunWriter(NpgsqlDataSource dataSource)
{
    public async Task<long> InsertRunAsync(AnalysisRun run, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO analysis_runs (as_of, status, requested_by, started_at, min_support, min_confidence, window_days,
                baskets, rules, customers)
            VALUES (@asOf, 'running', @by, now(), @support, @confidence, @window, 0, 0, 0) RETURNING run_id
            """);
        command.Parameters.AddWithValue("asOf", run.AsOf);
        command.Parameters.AddWithValue("by", run.RequestedBy);
        command.Parameters.AddWithValue("support", run.MinSupport);
        command.Parameters.AddWithValue("confidence", run.MinConfidence);
        command.Parameters.AddWithValue("window", run.WindowDays);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task FinishRunAsync(AnalysisRun run, Dictionary<string, double> timings, CancellationToken cancellationToken)
    {
        run.FinishedAt = DateTime.UtcNow;
        run.Timings = JsonSerializer.Serialize(timings);
        await using var command = dataSource.CreateCommand("""
            UPDATE analysis_runs SET status = @status, finished_at = now(), baskets = @baskets, rules = @rules,
                customers = @customers, chosen_k = @k, timings = @timings::jsonb, error_text = @error
            WHERE run_id = @id
            """);
        command.Parameters.AddWithValue("status", run.Status);
        command.Parameters.AddWithValue("baskets", run.Baskets);
        command.Parameters.AddWithValue("rules", run.Rules);
        command.Parameters.AddWithValue("customers", run.Customers);
        command.Parameters.AddWithValue("k", (object?)run.ChosenK ?? DBNull.Value);
        command.Parameters.AddWithValue("timings", run.Timings ?? "{}");
        command.Parameters.AddWithValue("error", (object?)run.ErrorText ?? DBNull.Value);
        command.Parameters.AddWithValue("id", run.RunId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Dictionary<string, string>> ProductNamesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT stock_code, coalesce(description, stock_code) FROM dim_product");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }

    public async Task StoreResultsAsync(AnalysisRun run, BasketSet baskets, MiningResult mined, IReadOnlyList<RfmScore> scores,
        CustomerClustering clustering, CancellationToken cancellationToken)
    {
        // Rules carry the products' names as they are when the run is stored, so a later catalog keeps the run's words.
        var names = await ProductNamesAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RunRuleRows.CopyAsync(connection, run.RunId, baskets, mined, names, cancellationToken);

        await using (var customers = await connection.BeginBinaryImportAsync(
            "COPY run_customers (run_id, customer_code, recency_days, frequency, monetary, r, f, m, segment, cluster) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            for (var i = 0; i < scores.Count; i++)
            {
                var score = scores[i];
                await customers.StartRowAsync(cancellationToken);
                await customers.WriteAsync(run.RunId, NpgsqlDbType.Bigint, cancellationToken);
                await customers.WriteAsync(score.Values.CustomerId, NpgsqlDbType.Text, cancellationToken);
                await customers.WriteAsync(score.Values.RecencyDays, NpgsqlDbType.Integer, cancellationToken);
                await customers.WriteAsync(score.Values.Frequency, NpgsqlDbType.Integer, cancellationToken);
                await customers.WriteAsync(score.Values.Monetary, NpgsqlDbType.Numeric, cancellationToken);
                await customers.WriteAsync((short)score.R, NpgsqlDbType.Smallint, cancellationToken);
                await customers.WriteAsync((short)score.F, NpgsqlDbType.Smallint, cancellationToken);
                await customers.WriteAsync((short)score.M, NpgsqlDbType.Smallint, cancellationToken);
                await customers.WriteAsync(score.Segment.Name, NpgsqlDbType.Text, cancellationToken);
                await customers.WriteAsync(clustering.Assignments[i], NpgsqlDbType.Integer, cancellationToken);
            }
            await customers.CompleteAsync(cancellationToken);
        }

        foreach (var cluster in clustering.Clusters)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO run_clusters (run_id, cluster, label, action, size, mean_recency_days, mean_frequency, mean_monetary, revenue_share)
                VALUES (@run, @cluster, @label, @action, @size, @recency, @frequency, @monetary, @share)
                """, connection);
            insert.Parameters.AddWithValue("run", run.RunId);
            insert.Parameters.AddWithValue("cluster", cluster.Cluster);
            insert.Parameters.AddWithValue("label", cluster.Label);
            insert.Parameters.AddWithValue("action", cluster.Action);
            insert.Parameters.AddWithValue("size", cluster.Size);
            insert.Parameters.AddWithValue("recency", cluster.MeanRecencyDays);
            insert.Parameters.AddWithValue("frequency", cluster.MeanFrequency);
            insert.Parameters.AddWithValue("monetary", cluster.MeanMonetary);
            insert.Parameters.AddWithValue("share", cluster.RevenueShare);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await Warehouse.DataChanges.NotifyAsync(connection, Warehouse.DataChanges.Analytics, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
