using System.Globalization;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Ingestion;

/// <summary>The rejected rows of an upload as CSV: line, reasons and the line exactly as it was sent.</summary>
public static class RejectedRowsDownload
{
    public static string PathFor(long uploadId) => $"/uploads/{uploadId}/rejected.csv";

    public static void MapRejectedRowsDownload(this WebApplication app) =>
        app.MapGet("/uploads/{id:long}/rejected.csv", WriteAsync).RequireAuthorization(Policies.ManageUploads);

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
