using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// The HTTP API for machine clients (store systems), authenticated with an admin-created API key:
/// <c>POST /api/uploads</c> (multipart: optional fields source, kind, store, dateOrder, retailer, sheet — of an Excel
/// workbook —, replaces and confirm — a corrected copy of an upload the same key sent —, then the file, last: a part
/// after it is a 400 naming it) and <c>GET /api/uploads/{id}</c> for status and counts. The key must be for uploads,
/// and a key limited to sources or stores sends only for them: a store-limited key names one of its stores in the field
/// store, and its file's lines of other stores are rejected (<c>store_out_of_scope</c>) when the file loads.
/// </summary>
public static class UploadApi
{
    public sealed record UploadStatusResponse(
        long Id, string FileName, string Kind, string Status, int ProgressPercent, long Rows, long Accepted, long Rejected,
        long Duplicates, long Flagged, DateTime UploadedAt, DateTime? FinishedAt, string? Error, string? Sheet = null);

    /// <param name="Id">The upload, or (for content another key already sent) null: a key learns nothing of another's uploads.</param>
    public sealed record UploadAcceptedResponse(long? Id, string Status, string Message, string? Location);

    public static void MapUploadApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/uploads").RequireAuthorization(Policies.UploadApi).DisableAntiforgery()
            .RateLimitedPerApiKey(ApiKeyPurposes.Uploads).RequireApiKeyPurpose(ApiKeyPurposes.Uploads);
        api.MapGet("/{id:long}", GetStatusAsync).WithSummary("An upload's status and counts (a key sees its own uploads)")
            .Produces<UploadStatusResponse>().Produces(StatusCodes.Status404NotFound).ProducesAccessErrors();
        api.MapPost("/", PostAsync).WithSummary("Send a daily file: multipart, the fields source (its mapping applies), kind, store, dateOrder, retailer, sheet (of a workbook), then the file")
            .DescribesBody<UploadForm>("multipart/form-data", "The optional fields, then the file, last.")
            .Produces<UploadAcceptedResponse>(StatusCodes.Status202Accepted).Produces<UploadAcceptedResponse>().ProducesApiErrors();
    }

    private static async Task<IResult> PostAsync(HttpContext context, UploadIntake intake, UploadStorage storage, UploadQueries queries,
        IDbContextFactory<RetailInsightsDbContext> dbFactory)
    {
        // The file streams from the request to the staging folder; the limit is the upload limit, not Kestrel's 30 MB.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = storage.MaxBytes + 1024 * 1024;
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
            return Results.BadRequest(new { error = "Send the file as multipart/form-data (fields source, kind, store, dateOrder, retailer, sheet, then file)." });

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, context.Request.Body);
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                continue;
            if (!disposition.IsFileDisposition())
            {
                // A field is a short word or code; a longer one is refused without reading it whole.
                var name = disposition.Name.Value ?? "";
                var value = await ReadFieldAsync(section.Body, context.RequestAborted);
                if (value is null)
                    return Results.BadRequest(new { error = $"{name} is longer than {MaxFieldChars} characters.", field = name });
                fields[name] = value.Trim();
                continue;
            }
            var request = new IntakeRequest(disposition.FileName.Value ?? disposition.FileNameStar.Value ?? "upload.csv",
                context.User.Identity?.Name ?? "api", fields.GetValueOrDefault("kind"), fields.GetValueOrDefault("store"),
                fields.GetValueOrDefault("dateOrder"), IntakeRules.Retailer(fields.GetValueOrDefault("retailer")), ApiKeyIdOf(context.User),
                Source: fields.GetValueOrDefault("source"), Sheet: fields.GetValueOrDefault("sheet"));
            if (fields.GetValueOrDefault("replaces") is { Length: > 0 } replaces)
            {
                // A key corrects only what it sent, as it sees only its own uploads; no file corrects a live feed.
                if (!long.TryParse(replaces, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var oldId)
                    || await queries.GetAsync(oldId, context.RequestAborted) is not { } old)
                    return Results.BadRequest(new { error = $"replaces: this key sent no upload #{replaces}.", field = "replaces" });
                if (LiveFeeds.Is(old))
                    return Results.BadRequest(new { error = LiveFeeds.Refusal(oldId), field = "replaces" });
                if (old.ApiKeyId != request.ApiKeyId)
                    return Results.BadRequest(new { error = $"replaces: this key sent no upload #{replaces}.", field = "replaces" });
                request = request with
                {
                    RetailerCode = fields.ContainsKey("retailer") ? request.RetailerCode : old.RetailerCode,
                    ReplacesUploadId = oldId,
                    ReplaceConfirmed = fields.GetValueOrDefault("confirm") is "true" or "1",
                };
            }
            // Checked before a byte of the file is written.
            if (IntakeRules.FirstProblem(request) is { } problem)
                return Results.BadRequest(new { error = problem.Message, field = problem.Field });
            var scope = ApiKeyScope.Of(context.User);
            if (await ScopeProblemAsync(scope, request, dbFactory, context.RequestAborted) is { } outside)
                return ApiKeyEndpoints.OutsideScope(outside, scope);
            StagedFile? staged = null;
            try
            {
                staged = await storage.StageAsync(section.Body, request.FileName, null, context.RequestAborted);
                // Fields describe the file, so they come before it: one after it would be ignored, and the file loaded
                // as it should not be. Nothing is recorded until the whole request is read.
                if (await reader.ReadNextSectionAsync(context.RequestAborted) is { } late)
                {
                    var lateName = ContentDispositionHeaderValue.TryParse(late.ContentDisposition, out var lateDisposition)
                        ? lateDisposition.Name.Value ?? "" : "";
                    return Results.BadRequest(new
                    {
                        error = $"The part '{lateName}' comes after the file: send the fields first and the file last. Nothing was kept.",
                        field = lateName,
                    });
                }
                // From here the intake owns the file (it removes it when it refuses the request).
                var accepting = staged;
                staged = null;
                var result = await intake.AcceptStagedAsync(accepting, request, enqueue: true, context.RequestAborted);
                var body = new UploadAcceptedResponse(result.HolderHidden ? null : result.UploadId,
                    result.State == IntakeState.AlreadyLoaded ? "already_loaded" : result.State == IntakeState.InProgress ? "in_progress" : UploadStatuses.Queued,
                    result.Message, result.HolderHidden ? null : $"/api/uploads/{result.UploadId}");
                return result.State == IntakeState.AlreadyLoaded ? Results.Ok(body) : Results.Accepted(body.Location, body);
            }
            catch (UploadTooLargeException e)
            {
                return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status413PayloadTooLarge);
            }
            catch (IntakeRequestException e)
            {
                return Results.BadRequest(new { error = e.Message, field = e.Problem.Field });
            }
            finally
            {
                if (staged is not null)
                    File.Delete(staged.Path);
            }
        }
        return Results.BadRequest(new { error = "No file part in the request." });
    }

    private const int MaxFieldChars = 256;

    /// <summary>
    /// Why the key may not send this file, before a byte of it is written: its source (named, or the retailer code) must
    /// be one of the key's, and already exist — a key limited to sources makes none; a key limited to stores names one
    /// of them in the field store (the lines of other stores are then rejected by the load) and sends no product
    /// catalog, which is the whole chain's.
    /// </summary>
    private static async Task<string?> ScopeProblemAsync(ApiKeyScope scope, IntakeRequest request,
        IDbContextFactory<RetailInsightsDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var source = IntakeRules.NullIfBlank(request.Source) ?? IntakeRules.Retailer(request.RetailerCode);
        if (scope.SourceProblem(source, "send files") is { } outside)
            return outside;
        if (scope.Sources is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Retailers.AnyAsync(r => r.Code == source, cancellationToken))
                return $"There is no source {source} yet, and a key limited to sources may not create one: an admin adds it on the Sources page.";
        }
        if (scope.Stores is null)
            return null;
        if (IntakeRules.NullIfBlank(request.DefaultStoreCode) is not { } store)
            return $"This key may send files only for stores {string.Join(", ", scope.Stores)}: name one of them in the field store.";
        if (scope.StoresProblem([store], "send files") is { } otherStore)
            return otherStore;
        return request.Kind == UploadKinds.ProductCatalog
            ? $"This key may send files only for stores {string.Join(", ", scope.Stores)}; a product catalog is the whole chain's, outside its scope."
            : null;
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body);
        var buffer = new char[MaxFieldChars + 1];
        var read = await text.ReadBlockAsync(buffer, cancellationToken);
        return read > MaxFieldChars ? null : new string(buffer, 0, read);
    }

    private static int? ApiKeyIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var id) ? id : null;

    /// <summary>A key sees the uploads it sent and no other (another's answers 404, as if it did not exist).</summary>
    private static async Task<IResult> GetStatusAsync(long id, ClaimsPrincipal user, IDbContextFactory<RetailInsightsDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keyId = ApiKeyIdOf(user);
        var upload = await db.Uploads.AsNoTracking()
            .SingleOrDefaultAsync(u => u.UploadId == id && (keyId == null || u.ApiKeyId == keyId), cancellationToken);
        return upload is null
            ? Results.NotFound(new { error = $"No upload #{id}." })
            : Results.Ok(new UploadStatusResponse(upload.UploadId, upload.FileName, upload.Kind, upload.Status, upload.ProgressPercent,
                upload.RowsRead, upload.RowsAccepted, upload.RowsRejected, upload.RowsDuplicate, upload.RowsFlagged,
                upload.UploadedAt, upload.FinishedAt, upload.ErrorText, upload.ExcelSheet ?? upload.RequestedSheet));
    }
}
