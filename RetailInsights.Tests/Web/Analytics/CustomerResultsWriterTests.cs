using System.Text.Json;
using Npgsql;
using RetailInsights.Core.Clustering;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Analytics.Inputs;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Analytics;

/// <summary>What a run stores for the Segments page, on the Online Retail sample: the k tried, the grid, the moves, the scatter's sample.</summary>
[Trait("Tier", "database")]
public sealed class CustomerResultsWriterTests(OnlineRetailSampleFixture sample) : IClassFixture<OnlineRetailSampleFixture>
{
    private async Task<long> AnalyzeAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["analyze", "--min-support", "0.03", "--min-confidence", "0.2", .. args], output, output,
            sample.Pipeline.Configuration(("Analytics:MaxItemsets", "100000")));
        Assert.True(exit == 0, output.ToString());
        var json = output.ToString().Split('\n').First(l => l.StartsWith('{'));
        return JsonDocument.Parse(json).RootElement.GetProperty("run").GetInt64();
    }

    private async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = sample.Pipeline.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    [Fact]
    public async Task Analyze_storesEveryKTried_equalToWhatCustomerClustererComputesOnTheSameInput()
    {
        var asOf = new DateOnly(2025, 7, 20);
        var run = await AnalyzeAsync("--as-of", "2025-07-20");
        var values = await new RfmSource(sample.Pipeline.Database.DataSource).ComputeAsync(asOf, CancellationToken.None);

        var expected = CustomerClusterer.Cluster(values);

        var stored = await ListAsync($"SELECT k, within_sum_of_squares, silhouette, elbow_score, combined_score FROM run_k_choices WHERE run_id = {run} ORDER BY k",
            r => new ClusterCandidate(r.GetInt32(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)));
        Assert.Equal(Enumerable.Range(2, 9), stored.Select(c => c.K));
        Assert.Equal(expected.Candidates, stored);
        Assert.Equal(expected.ChosenK, await sample.Pipeline.Database.ScalarAsync<int>($"SELECT chosen_k FROM analysis_runs WHERE run_id = {run}"));
        Assert.Equal(expected.Candidates.MaxBy(c => c.CombinedScore)!.K, expected.ChosenK);

        // The scatter draws exactly the sample ScatterSample picks from these assignments (customers are in code order).
        var plotted = ScatterSample.Pick(expected.Assignments);
        var expectedCodes = values.Where((_, i) => plotted[i]).Select(v => v.CustomerId).Order(StringComparer.Ordinal).ToList();
        var storedCodes = await ListAsync($"SELECT customer_code FROM run_customers WHERE run_id = {run} AND plotted", r => r.GetString(0));
        Assert.Equal(expectedCodes, storedCodes.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Analyze_storesTheGridCellsAndTheMovesSinceThePreviousRun_equalToSqlOnItsCustomers()
    {
        var earlier = await AnalyzeAsync("--as-of", "2025-07-12");
        var latest = await AnalyzeAsync();
        var db = sample.Pipeline.Database;

        var cells = await ListAsync($"SELECT r || '/' || fm || '/' || segment || '/' || customers || '/' || monetary FROM run_segment_cells WHERE run_id = {latest} ORDER BY r, fm",
            r => r.GetString(0));
        var cellsFromCustomers = await ListAsync($"""
            SELECT r || '/' || (f + m + 1) / 2 || '/' || min(segment) || '/' || count(*) || '/' || sum(monetary)
            FROM run_customers WHERE run_id = {latest} GROUP BY r, (f + m + 1) / 2 ORDER BY r, (f + m + 1) / 2
            """, r => r.GetString(0));
        Assert.Equal(cellsFromCustomers, cells);
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(DISTINCT segment) FROM run_segment_cells WHERE run_id = {latest} AND r = 5 AND fm >= 4"));

        Assert.Equal(earlier, await db.ScalarAsync<long>($"SELECT min(previous_run_id) FROM run_segment_moves WHERE run_id = {latest}"));
        var moves = await ListAsync($"SELECT from_segment || '>' || to_segment || '=' || customers FROM run_segment_moves WHERE run_id = {latest} ORDER BY 1",
            r => r.GetString(0));
        var movesFromCustomers = await ListAsync($"""
            SELECT coalesce(b.segment, '') || '>' || a.segment || '=' || count(*)
            FROM run_customers a LEFT JOIN run_customers b ON b.run_id = {earlier} AND b.customer_code = a.customer_code
            WHERE a.run_id = {latest} GROUP BY coalesce(b.segment, ''), a.segment ORDER BY 1
            """, r => r.GetString(0));
        Assert.Equal(movesFromCustomers, moves);
        Assert.Contains(moves, m => m.StartsWith('>'));            // customers first seen after the earlier day
        Assert.Contains(moves, m => m.Split('>')[0] is { Length: > 0 } from && !m.StartsWith(from + ">" + from + "=", StringComparison.Ordinal));
        Assert.Equal(await db.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {latest}"),
            await db.ScalarAsync<long>($"SELECT sum(customers) FROM run_segment_moves WHERE run_id = {latest}"));
    }
}
