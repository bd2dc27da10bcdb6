using System.Globalization;
using RetailInsights.Web.Security;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// The rejected rows kept of an upload as CSV (line, reasons and the line exactly as it was sent), and for admins the
/// staged file of a failed upload, as it was received.
/// </summary>
public static class UploadDownloads
{
    public static string PathFor(long uploadId) => $"/uploads/{uploadId}/rejected.csv";

    public static string StagedFilePathFor(long uploadId) => $"/uploads/{uploadId}/file";

    public static void MapRejectedRowsDownload(this WebApplication app) =>
        app.MapGet("/uploads/{id:long}/rejected.csv", WriteAsync).RequireAuthorization(Policies.ManageUploads);

    public static void MapStagedFileDownload(this WebApplication app) =>
        app.MapGet("/uploads/{id:long}/file", async (long id, UploadQueries queries, UploadStorage storage, CancellationToken cancellationToken) =>
            await queries.GetAsync(id, cancellationToken) is { StagedPath: { } path } upload && storage.IsStaged(path) && File.Exists(path)
                ? Results.File(path, "application/octet-stream", upload.FileName)
                : Results.NotFound("The file of this upload is no longer kept."))
            .RequireAuthorization(Policies.Administer);

    private static async Task WriteAsync(long id, HttpContext context, UploadQueries queries)
    {
        var upload = await queries.GetAsync(id, context.RequestAborted);
        if (upload is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"upload-{id}-rejected.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await writer.WriteLineAsync("line_number,reasons,raw_text");
        await foreach (var row in queries.StreamRejectedRowsAsync(id, context.RequestAborted))
            await writer.WriteLineAsync(CsvText.Row(row.LineNumber.ToString(CultureInfo.InvariantCulture),
                string.Join(' ', row.ReasonCodes), row.RawText));
    }
}
