using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Admin.Audit;

/// <summary>Records who uploaded, re-ran, exported or changed a user or key, and lists it for admins.</summary>
public sealed class AuditLog(IDbContextFactory<RetailInsightsDbContext> dbFactory, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string target, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Target = target,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> GetRecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.AsNoTracking().OrderByDescending(a => a.AuditEntryId).Take(count).ToListAsync(cancellationToken);
    }
}
