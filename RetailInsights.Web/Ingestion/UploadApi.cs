using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// The HTTP API for machine clients (store systems), authenticated with an admin-created API key:
/// <c>POST /api/uploads</c> (multipart: optional fields kind, store, dateOrder, retailer, then the file) and
/// <c>GET /api/uploads/{id}</c> for status and counts.
/// </summary>
public static class UploadApi
{
    public sealed record UploadStatusResponse(
        long Id, string FileName, string Kind, string Status, int ProgressPercent, long Rows, long Accepted, long Rejected,
        long Duplicates, long Flagged, DateTime UploadedAt, DateTime? FinishedAt, string? Error);

    public sealed record UploadAcceptedResponse(long Id, string Status, string Message, string Location);

    public static void MapUploadApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/uploads").RequireAuthorization(Policies.UploadApi).DisableAntiforgery();
        api.MapGet("/{id:long}", GetStatusAsync);
        api.MapPost("/", PostAsync);
    }

    private static async Task<IResult> PostAsync(HttpContext context, UploadIntake intake, UploadStorage storage)
    {
        // The file streams from the request to the staging folder; the limit is the upload limit, not Kestrel's 30 MB.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = storage.MaxBytes + 1024 * 1024;
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
            return Results.BadRequest(new { error = "Send the file as multipart/form-data (fields kind, store, dateOrder, retailer, then file)." });

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, context.Request.Body);
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                continue;
            if (!disposition.IsFileDisposition())
            {
                using var text = new StreamReader(section.Body);
                fields[disposition.Name.Value ?? ""] = (await text.ReadToEndAsync(context.RequestAborted)).Trim();
                continue;
            }
            var kind = fields.GetValueOrDefault("kind");
            if (kind is not null && UploadKinds.Parse(kind) is null)
                return Results.BadRequest(new { error = $"kind must be transactions, refunds, product_catalog or store_locations, not '{kind}'." });
            var request = new IntakeRequest(disposition.FileName.Value ?? disposition.FileNameStar.Value ?? "upload.csv",
                context.User.Identity?.Name ?? "api", kind, fields.GetValueOrDefault("store"), fields.GetValueOrDefault("dateOrder"),
                fields.GetValueOrDefault("retailer") is { Length: > 0 } retailer ? retailer : "default");
            try
            {
                var result = await intake.AcceptAsync(section.Body, request, null, enqueue: true, context.RequestAborted);
                var body = new UploadAcceptedResponse(result.UploadId,
                    result.State == IntakeState.AlreadyLoaded ? "already_loaded" : result.State == IntakeState.InProgress ? "in_progress" : UploadStatuses.Queued,
                    result.Message, $"/api/uploads/{result.UploadId}");
                return result.State == IntakeState.AlreadyLoaded ? Results.Ok(body) : Results.Accepted(body.Location, body);
            }
            catch (UploadTooLargeException e)
            {
                return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status413PayloadTooLarge);
            }
        }
        return Results.BadRequest(new { error = "No file part in the request." });
    }

    private static async Task<IResult> GetStatusAsync(long id, IDbContextFactory<RetailInsightsDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upload = await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.UploadId == id, cancellationToken);
        return upload is null
            ? Results.NotFound(new { error = $"No upload #{id}." })
            : Results.Ok(new UploadStatusResponse(upload.UploadId, upload.FileName, upload.Kind, upload.Status, upload.ProgressPercent,
                upload.RowsRead, upload.RowsAccepted, upload.RowsRejected, upload.RowsDuplicate, upload.RowsFlagged,
                upload.UploadedAt, upload.FinishedAt, upload.ErrorText));
    }
}
