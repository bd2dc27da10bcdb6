using RetailInsights.Tests.Support;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Dashboards.Segments;

namespace RetailInsights.Tests.Web.Dashboards.Segments;

/// <summary>The Segments page's figures as its queries read them, against SQL on the run's customers.</summary>
[Trait("Tier", "database")]
[Collection(SegmentRunsCollection.Name)]
public sealed class SegmentQueriesTests(SegmentRunsFixture runs)
{
    private SegmentQueries Queries => new(runs.Dashboards);

    [Fact]
    public async Task CellsAsync_giveCustomersAndSpendPerCell_equalToSqlOnTheRunsCustomers()
    {
        var cells = await Queries.CellsAsync(runs.LatestRun, CancellationToken.None);

        var expected = await runs.ListAsync($"""
            SELECT r, (f + m + 1) / 2, count(*), sum(monetary) FROM run_customers WHERE run_id = {runs.LatestRun}
            GROUP BY 1, 2 ORDER BY 1, 2
            """, r => (R: (int)r.GetInt16(0), FM: r.GetInt32(1), Customers: (int)r.GetInt64(2), Monetary: r.GetDecimal(3)));
        Assert.Equal(expected, cells.Select(c => (c.R, c.FM, c.Customers, c.Monetary)).ToList());
        Assert.All(cells, c => Assert.Equal(RetailInsights.Core.Segmentation.RfmSegmentRules.For(c.R, c.FM).Name, c.Segment));
        var sizes = SegmentMatrices.Sizes(cells);
        var bySegment = await runs.ListAsync($"SELECT segment, count(*) FROM run_customers WHERE run_id = {runs.LatestRun} GROUP BY 1",
            r => (r.GetString(0), (int)r.GetInt64(1)));
        Assert.Equal(bySegment.ToDictionary(), sizes.Where(s => s.Customers > 0).ToDictionary(s => s.Segment, s => s.Customers));
    }

    [Fact]
    public async Task ClustersAndKChoices_areTheRunsRows_andTheChosenKIsAmongThem()
    {
        var clusters = await Queries.ClustersAsync(runs.LatestRun, CancellationToken.None);
        var choices = await Queries.KChoicesAsync(runs.LatestRun, CancellationToken.None);

        var sizes = await runs.ListAsync($"SELECT cluster, count(*) FROM run_customers WHERE run_id = {runs.LatestRun} GROUP BY 1 ORDER BY 1",
            r => (r.GetInt32(0), (int)r.GetInt64(1)));
        Assert.Equal(sizes, clusters.Select(c => (c.Cluster, c.Size)).ToList());
        Assert.Equal(Enumerable.Range(2, 9), choices.Select(c => c.K));
        var chosen = await runs.Database.ScalarAsync<int>($"SELECT chosen_k FROM analysis_runs WHERE run_id = {runs.LatestRun}");
        Assert.Equal(choices.MaxBy(c => c.CombinedScore)!.K, chosen);
        Assert.All(choices, c => Assert.InRange(c.Silhouette, -1, 1));
        Assert.True(choices.Zip(choices.Skip(1)).All(p => p.Second.WithinSumOfSquares <= p.First.WithinSumOfSquares * 1.05),
            "the within-cluster sum of squares should fall (about) as k grows");
    }

    [Fact]
    public async Task ScatterAsync_drawsEveryClusterAndEveryOutlier_fromTheRunsSample()
    {
        var points = await Queries.ScatterAsync(runs.LatestRun, CancellationToken.None);

        var clusters = await runs.ListAsync($"SELECT DISTINCT cluster FROM run_customers WHERE run_id = {runs.LatestRun} ORDER BY 1", r => r.GetInt32(0));
        Assert.Equal(clusters, points.Select(p => p.Cluster).Distinct().Order().ToList());
        Assert.Equal(await runs.Database.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {runs.LatestRun} AND plotted"), points.Count);
        var outliers = await runs.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM run_customers WHERE run_id = {runs.LatestRun} AND cluster = {RetailInsights.Core.Clustering.CustomerClusterer.OutlierCluster}");
        Assert.Equal(Math.Min(outliers, 300), points.Count(p => p.Cluster == RetailInsights.Core.Clustering.CustomerClusterer.OutlierCluster));
    }

    [Fact]
    public async Task MigrationAsync_countsEveryFromToPair_equalToSqlJoiningTheTwoRuns()
    {
        var migration = await Queries.MigrationAsync(runs.LatestRun, CancellationToken.None);

        Assert.Equal(runs.EarlierRun, migration.PreviousRunId);
        var expected = await runs.ListAsync($"""
            SELECT coalesce(b.segment, ''), a.segment, count(*)
            FROM run_customers a LEFT JOIN run_customers b ON b.run_id = {runs.EarlierRun} AND b.customer_code = a.customer_code
            WHERE a.run_id = {runs.LatestRun} GROUP BY 1, 2 ORDER BY 1, 2
            """, r => new SegmentMoveCount(r.GetString(0), r.GetString(1), (int)r.GetInt64(2)));
        Assert.Equal(expected, migration.Moves.OrderBy(m => m.From, StringComparer.Ordinal).ThenBy(m => m.To, StringComparer.Ordinal).ToList());
        Assert.Contains(migration.Moves, m => m.From != m.To && m.From != CustomerSelection.NotScoredBefore);
    }

    [Fact]
    public async Task MigrationAsync_onTheFirstRun_hasNoPreviousRun()
    {
        var migration = await Queries.MigrationAsync(runs.EarlierRun, CancellationToken.None);

        Assert.Null(migration.PreviousRunId);
        Assert.Empty(migration.Moves);
    }
}
