using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion;

public sealed class UploadQueries(IDbContextFactory<RetailInsightsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Upload>> GetRecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Uploads.AsNoTracking()
            .OrderByDescending(u => u.UploadedAt).ThenByDescending(u => u.UploadId)
            .Take(count)
            .ToListAsync(cancellationToken);
    }
}
