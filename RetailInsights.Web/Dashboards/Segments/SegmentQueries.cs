using RetailInsights.Web.Analytics;

namespace RetailInsights.Web.Dashboards.Segments;

/// <summary>
/// The Segments page's figures, all from what a run stored (never the facts). Each reads one run's rows through its
/// primary key, so their cost is fixed by the run, not by lines, days, stores or products: the grid cells (at most
/// 25 rows), the clusters and the k tried (at most 11 and 9), the moves since the previous run (at most 12 × 11),
/// and the scatter's sample (about 2,000 customers and up to 300 outliers, through the partial index on plotted
/// customers). Only the customer list grows with customers, see <see cref="CustomerListQuery"/>.
/// </summary>
public sealed class SegmentQueries(DashboardDatabase database)
{
    public Task<List<GridCell>> CellsAsync(long runId, CancellationToken cancellationToken) => database.ListAsync("""
        SELECT r, fm, segment, customers, monetary FROM run_segment_cells WHERE run_id = @run ORDER BY r, fm
        """, null, r => new GridCell(r.GetInt16(0), r.GetInt16(1), r.GetString(2), r.GetInt32(3), r.GetDecimal(4)), cancellationToken,
        ("run", runId));

    public Task<List<Data.Entities.RunCluster>> ClustersAsync(long runId, CancellationToken cancellationToken) => database.ListAsync("""
        SELECT cluster, label, action, size, mean_recency_days, mean_frequency, mean_monetary, revenue_share
        FROM run_clusters WHERE run_id = @run ORDER BY cluster
        """, null, r => new Data.Entities.RunCluster
        {
            RunId = runId, Cluster = r.GetInt32(0), Label = r.GetString(1), Action = r.GetString(2), Size = r.GetInt32(3),
            MeanRecencyDays = r.GetDouble(4), MeanFrequency = r.GetDouble(5), MeanMonetary = r.GetDecimal(6), RevenueShare = r.GetDouble(7),
        }, cancellationToken, ("run", runId));

    public Task<List<KChoice>> KChoicesAsync(long runId, CancellationToken cancellationToken) => database.ListAsync("""
        SELECT k, within_sum_of_squares, silhouette, elbow_score, combined_score FROM run_k_choices WHERE run_id = @run ORDER BY k
        """, null, r => new KChoice(r.GetInt32(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)), cancellationToken,
        ("run", runId));

    public Task<List<ScatterPoint>> ScatterAsync(long runId, CancellationToken cancellationToken) => database.ListAsync("""
        SELECT customer_code, recency_days, frequency, monetary, cluster FROM run_customers WHERE run_id = @run AND plotted
        """, null, r => new ScatterPoint(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetDecimal(3), r.GetInt32(4)), cancellationToken,
        ("run", runId));

    public async Task<SegmentMigration> MigrationAsync(long runId, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync("""
            SELECT m.previous_run_id, p.as_of, m.from_segment, m.to_segment, m.customers
            FROM run_segment_moves m JOIN analysis_runs p ON p.run_id = m.previous_run_id
            WHERE m.run_id = @run
            """, null, r => (Previous: r.GetInt64(0), AsOf: r.GetFieldValue<DateOnly>(1), Move: new SegmentMoveCount(r.GetString(2), r.GetString(3), r.GetInt32(4))),
            cancellationToken, ("run", runId));
        return rows.Count == 0
            ? new SegmentMigration(null, null, [])
            : new SegmentMigration(rows[0].Previous, rows[0].AsOf, rows.Select(r => r.Move).ToList());
    }
}
