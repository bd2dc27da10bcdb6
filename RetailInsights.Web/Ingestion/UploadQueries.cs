using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion;

public sealed class UploadQueries(IDbContextFactory<RetailInsightsDbContext> dbFactory, IOptions<IngestionOptions> options, TimeProvider clock)
{
    /// <summary>The most a page of a grid may hold, whatever the browser asks for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// One page of the uploads list, filtered and sorted in SQL. The uploads table grows with files, not lines (tens a
    /// day), so counting the filtered rows for the pager is cheap; the sort is one of the list's columns, never text
    /// from the browser.
    /// </summary>
    public async Task<ListPage<Upload>> ListAsync(UploadListRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var uploads = db.Uploads.AsNoTracking();
        if (request.Statuses.Count > 0)
        {
            var statuses = request.Statuses.Where(UploadStatuses.All.Contains).ToList();
            var stuckSince = StuckSince;
            uploads = request.Statuses.Contains(UploadListRequest.Stuck)
                ? uploads.Where(u => statuses.Contains(u.Status) || (ActiveStatuses.Contains(u.Status) && (u.StartedAt ?? u.UploadedAt) < stuckSince))
                : uploads.Where(u => statuses.Contains(u.Status));
        }
        if (request.Kind is { } kind)
            uploads = uploads.Where(u => u.Kind == kind);
        if (request.FileNameContains is { Length: > 0 } name)
            uploads = uploads.Where(u => EF.Functions.ILike(u.FileName, "%" + LikeEscaped(name) + "%", "\\"));
        var total = await uploads.CountAsync(cancellationToken);
        var size = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var rows = await Sorted(uploads, request.SortBy, request.Descending)
            .Skip(Math.Max(0, request.Page) * size).Take(size).ToListAsync(cancellationToken);
        return new ListPage<Upload>(rows, total);
    }

    // The list's sortable columns; anything else sorts newest first. Ties go newest first, so pages never overlap.
    private static IOrderedQueryable<Upload> Sorted(IQueryable<Upload> uploads, string? column, bool descending) => column switch
    {
        nameof(Upload.UploadId) => descending ? uploads.OrderByDescending(u => u.UploadId) : uploads.OrderBy(u => u.UploadId),
        nameof(Upload.FileName) => Then(descending ? uploads.OrderByDescending(u => u.FileName) : uploads.OrderBy(u => u.FileName)),
        nameof(Upload.Kind) => Then(descending ? uploads.OrderByDescending(u => u.Kind) : uploads.OrderBy(u => u.Kind)),
        nameof(Upload.Status) => Then(descending ? uploads.OrderByDescending(u => u.Status) : uploads.OrderBy(u => u.Status)),
        nameof(Upload.RowsRead) => Then(descending ? uploads.OrderByDescending(u => u.RowsRead) : uploads.OrderBy(u => u.RowsRead)),
        nameof(Upload.RowsAccepted) => Then(descending ? uploads.OrderByDescending(u => u.RowsAccepted) : uploads.OrderBy(u => u.RowsAccepted)),
        nameof(Upload.RowsRejected) => Then(descending ? uploads.OrderByDescending(u => u.RowsRejected) : uploads.OrderBy(u => u.RowsRejected)),
        nameof(Upload.RowsDuplicate) => Then(descending ? uploads.OrderByDescending(u => u.RowsDuplicate) : uploads.OrderBy(u => u.RowsDuplicate)),
        nameof(Upload.UploadedBy) => Then(descending ? uploads.OrderByDescending(u => u.UploadedBy) : uploads.OrderBy(u => u.UploadedBy)),
        nameof(Upload.UploadedAt) => Then(descending ? uploads.OrderByDescending(u => u.UploadedAt) : uploads.OrderBy(u => u.UploadedAt)),
        _ => uploads.OrderByDescending(u => u.UploadId),
    };

    private static IOrderedQueryable<Upload> Then(IOrderedQueryable<Upload> sorted) => sorted.ThenByDescending(u => u.UploadId);

    /// <summary>Typed text matches itself: the wildcards of LIKE are escaped.</summary>
    public static string LikeEscaped(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static readonly string[] ActiveStatuses = [UploadStatuses.Queued, UploadStatuses.Parsing, UploadStatuses.Loading];

    private DateTime StuckSince => clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.StuckAfterMinutes);

    public async Task<Upload?> GetAsync(long uploadId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.UploadId == uploadId, cancellationToken);
    }

    /// <summary>
    /// One page of an upload's kept rejected lines in line order (or the reverse), optionally those with one reason, by
    /// the (upload, line) index. At most Ingestion:MaxRejectedRowsKept lines are kept per upload, so the count is bounded.
    /// </summary>
    public async Task<ListPage<RejectedRow>> RejectedRowsAsync(long uploadId, int page, int pageSize, bool newestLineFirst, string? reason,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.RejectedRows.AsNoTracking().Where(r => r.UploadId == uploadId);
        if (reason is not null)
            rows = rows.Where(r => r.ReasonCodes.Contains(reason));
        var total = await rows.CountAsync(cancellationToken);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var shown = await (newestLineFirst ? rows.OrderByDescending(r => r.LineNumber) : rows.OrderBy(r => r.LineNumber))
            .Skip(Math.Max(0, page) * size).Take(size).ToListAsync(cancellationToken);
        return new ListPage<RejectedRow>(shown, total);
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
    public bool IsStuck(Upload upload) => IsActive(upload) && (upload.StartedAt ?? upload.UploadedAt) < StuckSince;

    /// <summary>What a page waits for: uploads that are moving (a stuck one is not polled for ever).</summary>
    public bool IsMoving(Upload upload) => IsActive(upload) && !IsStuck(upload);
}
