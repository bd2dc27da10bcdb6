using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Refunds;

public sealed class RefundQueries(IDbContextFactory<RetailInsightsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RefundReasonSummary>> GetByReasonAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Refunds.GroupBy(r => r.Reason)
            .Select(g => new { Reason = g.Key, Refunds = g.LongCount(), Amount = g.Sum(r => r.Amount) })
            .OrderByDescending(r => r.Amount)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RefundReasonSummary(r.Reason, r.Refunds, r.Amount)).ToList();
    }
}
