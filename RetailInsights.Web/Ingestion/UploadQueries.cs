using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion;

public sealed class UploadQueries(IDbContextFactory<RetailInsightsDbContext> dbFactory, IOptions<IngestionOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<Upload>> GetRecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Uploads.AsNoTracking()
            .OrderByDescending(u => u.UploadedAt).ThenByDescending(u => u.UploadId)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    public async Task<Upload?> GetAsync(long uploadId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.UploadId == uploadId, cancellationToken);
    }

    public async Task<IReadOnlyList<RejectedRow>> GetRejectedRowsAsync(long uploadId, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RejectedRows.AsNoTracking().Where(r => r.UploadId == uploadId)
            .OrderBy(r => r.LineNumber).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>Every rejected row of an upload, in line order, read in batches (a bad file can have many).</summary>
    public async IAsyncEnumerable<RejectedRow> StreamRejectedRowsAsync(long uploadId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var row in db.RejectedRows.AsNoTracking().Where(r => r.UploadId == uploadId)
                           .OrderBy(r => r.LineNumber).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return row;
    }

    /// <summary>The loaded upload that replaced this one, if a corrected file did.</summary>
    public async Task<long?> ReplacedByAsync(long uploadId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Uploads.AsNoTracking().Where(u => u.ReplacesUploadId == uploadId && u.Status == UploadStatuses.Loaded)
            .Select(u => (long?)u.UploadId).FirstOrDefaultAsync(cancellationToken);
    }

    public static bool IsActive(Upload upload) =>
        upload.Status is UploadStatuses.Queued or UploadStatuses.Parsing or UploadStatuses.Loading;

    /// <summary>Not final, and waiting or loading for longer than <see cref="IngestionOptions.StuckAfterMinutes"/>.</summary>
    public bool IsStuck(Upload upload) =>
        IsActive(upload) && (upload.StartedAt ?? upload.UploadedAt) < clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.StuckAfterMinutes);

    /// <summary>What a page waits for: uploads that are moving (a stuck one is not polled for ever).</summary>
    public bool IsMoving(Upload upload) => IsActive(upload) && !IsStuck(upload);
}
