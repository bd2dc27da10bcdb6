using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Analytics;

public sealed record SegmentMove(string From, string To, int Customers);

/// <summary>What pages and exports read: the latest run that succeeded, and its rules, customers and clusters.</summary>
public sealed class AnalyticsResults(IDbContextFactory<RetailInsightsDbContext> dbFactory)
{
    public async Task<AnalysisRun?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AnalysisRuns.AsNoTracking().Where(r => r.Status == AnalysisRunStatuses.Succeeded)
            .OrderByDescending(r => r.RunId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A run that succeeded, started at or after <paramref name="since"/>, for the same day, thresholds and window.</summary>
    public async Task<AnalysisRun?> SucceededSinceAsync(DateTime since, DateOnly asOf, double minSupport, double minConfidence, int windowDays,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AnalysisRuns.AsNoTracking()
            .Where(r => r.Status == AnalysisRunStatuses.Succeeded && r.StartedAt >= since && r.AsOf == asOf
                        && r.MinSupport == minSupport && r.MinConfidence == minConfidence && r.WindowDays == windowDays)
            .OrderByDescending(r => r.RunId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AnalysisRun>> RecentRunsAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AnalysisRuns.AsNoTracking().OrderByDescending(r => r.RunId).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>A run's rules one by one as the database sends them (a download never holds a whole run).</summary>
    public async IAsyncEnumerable<RunRule> StreamRulesAsync(long runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var rule in db.RunRules.AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.RuleNo).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
            yield return rule;
    }

    public async Task<IReadOnlyList<RunCustomer>> CustomersAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RunCustomers.AsNoTracking().Where(c => c.RunId == runId).OrderBy(c => c.CustomerCode).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Segment migration: customers of this run and the previous successful one whose segment changed, counted by
    /// from → to (e.g. Champions → At Risk), most common first.
    /// </summary>
    public async Task<(long? PreviousRunId, IReadOnlyList<SegmentMove> Moves)> MigrationAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var previous = await db.AnalysisRuns.AsNoTracking()
            .Where(r => r.Status == AnalysisRunStatuses.Succeeded && r.RunId < runId)
            .OrderByDescending(r => r.RunId).Select(r => (long?)r.RunId).FirstOrDefaultAsync(cancellationToken);
        if (previous is null)
            return (null, []);
        var moves = await (from now in db.RunCustomers
                           join before in db.RunCustomers on now.CustomerCode equals before.CustomerCode
                           where now.RunId == runId && before.RunId == previous && now.Segment != before.Segment
                           group now by new { From = before.Segment, To = now.Segment } into g
                           select new { g.Key.From, g.Key.To, Customers = g.Count() })
            .OrderByDescending(m => m.Customers)
            .ToListAsync(cancellationToken);
        return (previous, moves.Select(m => new SegmentMove(m.From, m.To, m.Customers)).ToList());
    }

    public async Task<IReadOnlyList<RunCluster>> ClustersAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RunClusters.AsNoTracking().Where(c => c.RunId == runId).OrderBy(c => c.Cluster).ToListAsync(cancellationToken);
    }
}
