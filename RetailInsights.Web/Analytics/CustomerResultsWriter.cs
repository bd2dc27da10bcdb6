using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Clustering;
using RetailInsights.Core.Segmentation;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// The customers' part of a run, written inside <see cref="RunWriter"/>'s transaction: every scored customer (and
/// which of them the cluster scatter draws), the clusters, each k the clustering tried, and what the Segments page
/// reads instead of the customers — the customers and spend per cell of the segment grid, and the moves between
/// segments since the previous successful run. Those two are computed here from the rows just copied, so they
/// always agree with them.
/// </summary>
internal static class CustomerResultsWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, long runId, IReadOnlyList<RfmScore> scores, CustomerClustering clustering,
        CancellationToken cancellationToken)
    {
        await CopyCustomersAsync(connection, runId, scores, clustering, cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var cluster in clustering.Clusters)
            batch.BatchCommands.Add(Command("""
                INSERT INTO run_clusters (run_id, cluster, label, action, size, mean_recency_days, mean_frequency, mean_monetary, revenue_share)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, runId, cluster.Cluster, cluster.Label, cluster.Action, cluster.Size, cluster.MeanRecencyDays, cluster.MeanFrequency,
                cluster.MeanMonetary, cluster.RevenueShare));
        foreach (var candidate in clustering.Candidates)
            batch.BatchCommands.Add(Command("""
                INSERT INTO run_k_choices (run_id, k, within_sum_of_squares, silhouette, elbow_score, combined_score)
                VALUES ($1, $2, $3, $4, $5, $6)
                """, runId, candidate.K, candidate.WithinSumOfSquares, candidate.Silhouette, candidate.ElbowScore, candidate.CombinedScore));
        batch.BatchCommands.Add(Command("""
            INSERT INTO run_segment_cells (run_id, r, fm, segment, customers, monetary)
            SELECT run_id, r, (f + m + 1) / 2, min(segment), count(*), sum(monetary) FROM run_customers WHERE run_id = $1 GROUP BY 1, 2, 3
            """, runId));
        // The previous run is the one pages showed until now: runs are stored one at a time (RunLock).
        batch.BatchCommands.Add(Command($"""
            WITH previous AS ({LatestRun.Where("run_id < $1")})
            INSERT INTO run_segment_moves (run_id, previous_run_id, from_segment, to_segment, customers)
            SELECT c.run_id, previous.run_id, coalesce(p.segment, ''), c.segment, count(*)
            FROM previous
            JOIN run_customers c ON c.run_id = $1
            LEFT JOIN run_customers p ON p.run_id = previous.run_id AND p.customer_code = c.customer_code
            GROUP BY 1, 2, 3, 4
            """, runId));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyCustomersAsync(NpgsqlConnection connection, long runId, IReadOnlyList<RfmScore> scores,
        CustomerClustering clustering, CancellationToken cancellationToken)
    {
        var plotted = ScatterSample.Pick(clustering.Assignments);
        await using var customers = await connection.BeginBinaryImportAsync(
            "COPY run_customers (run_id, customer_code, recency_days, frequency, monetary, r, f, m, segment, cluster, plotted) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        for (var i = 0; i < scores.Count; i++)
        {
            var score = scores[i];
            await customers.StartRowAsync(cancellationToken);
            await customers.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await customers.WriteAsync(score.Values.CustomerId, NpgsqlDbType.Text, cancellationToken);
            await customers.WriteAsync(score.Values.RecencyDays, NpgsqlDbType.Integer, cancellationToken);
            await customers.WriteAsync(score.Values.Frequency, NpgsqlDbType.Integer, cancellationToken);
            await customers.WriteAsync(score.Values.Monetary, NpgsqlDbType.Numeric, cancellationToken);
            await customers.WriteAsync((short)score.R, NpgsqlDbType.Smallint, cancellationToken);
            await customers.WriteAsync((short)score.F, NpgsqlDbType.Smallint, cancellationToken);
            await customers.WriteAsync((short)score.M, NpgsqlDbType.Smallint, cancellationToken);
            await customers.WriteAsync(score.Segment.Name, NpgsqlDbType.Text, cancellationToken);
            await customers.WriteAsync(clustering.Assignments[i], NpgsqlDbType.Integer, cancellationToken);
            await customers.WriteAsync(plotted[i], NpgsqlDbType.Boolean, cancellationToken);
        }
        await customers.CompleteAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
