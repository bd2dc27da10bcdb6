using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Ingestion;

/// <summary>The HTTP API for machine clients (store systems), authenticated with an admin-created API key.</summary>
public static class UploadApi
{
    public sealed record UploadStatusResponse(
        long Id, string FileName, string Kind, string Status, long Rows, long Accepted, long Rejected, long Duplicates,
        long Flagged, DateTime UploadedAt, DateTime? FinishedAt, string? Error);

    public static void MapUploadApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/uploads").RequireAuthorization(Policies.UploadApi).DisableAntiforgery();
        api.MapGet("/{id:long}", GetStatusAsync);
    }

    private static async Task<IResult> GetStatusAsync(long id, IDbContextFactory<RetailInsightsDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upload = await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.UploadId == id, cancellationToken);
        return upload is null
            ? Results.NotFound(new { error = $"No upload #{id}." })
            : Results.Ok(new UploadStatusResponse(upload.UploadId, upload.FileName, upload.Kind, upload.Status,
                upload.RowsRead, upload.RowsAccepted, upload.RowsRejected, upload.RowsDuplicate, upload.RowsFlagged,
                upload.UploadedAt, upload.FinishedAt, upload.ErrorText));
    }
}
