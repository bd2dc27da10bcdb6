using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Clustering;
using RetailInsights.Core.CustomerValue;
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
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO analysis_runs (as_of, status, requested_by, started_at, min_support, min_confidence, window_days,
                baskets, rules, customers)
            VALUES (@asOf, '{AnalysisRunStatuses.Running}', @by, now(), @support, @confidence, @window, 0, 0, 0) RETURNING run_id
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
        CustomerClustering clustering, CustomerValueForecast value, CustomerValueOptions valueOptions, CancellationToken cancellationToken)
    {
        // Rules carry the products' names as they are when the run is stored, so a later catalog keeps the run's words.
        var names = await ProductNamesAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RunRuleRows.CopyAsync(connection, run.RunId, baskets, mined, names, cancellationToken);

        await CustomerResultsWriter.WriteAsync(connection, run.RunId, scores, clustering, cancellationToken);
        await CustomerValueWriter.WriteAsync(connection, run.RunId, value, valueOptions, cancellationToken);
        await Warehouse.DataChanges.NotifyAsync(connection, Warehouse.DataChanges.Analytics, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
