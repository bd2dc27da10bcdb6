using RetailInsights.Web.Warehouse;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Analytics;

/// <summary>What pages and exports read: the latest run that succeeded, and its rules, customers and clusters.</summary>
public sealed class AnalyticsResults(IDbContextFactory<RetailInsightsDbContext> dbFactory)
{
    public async Task<AnalysisRun?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AnalysisRuns.FromSqlRaw(LatestRun.Sql).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A run that succeeded, started at or after <paramref name="since"/>, for the same day, thresholds and window.</summary>
    public async Task<AnalysisRun?> SucceededSinceAsync(DateTime since, DateOnly asOf, double minSupport, double minConfidence, int windowDays,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AnalysisRuns.FromSqlRaw(LatestRun.Succeeded).AsNoTracking()
            .Where(r => r.StartedAt >= since && r.AsOf == asOf && r.MinSupport == minSupport && r.MinConfidence == minConfidence
                        && r.WindowDays == windowDays)
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
}
