using System.Security.Claims;
using RetailInsights.Web.Admin.Audit;
using RetailInsights.Web.Admin.Security;

namespace RetailInsights.Web.Analytics;

/// <summary>The pages' downloads of the latest run: the same CSV as the export command, for marketing's campaigns.</summary>
public static class RunDownloads
{
    public const string RulesPath = "/exports/rules.csv";
    public const string SegmentsPath = "/exports/segments.csv";

    public static void MapRunDownloads(this WebApplication app)
    {
        app.MapGet(RulesPath, (HttpContext context, AnalyticsResults results, AuditLog audit, ClaimsPrincipal user) =>
            WriteAsync(context, results, audit, user, "rules")).RequireAuthorization(Policies.Export);
        app.MapGet(SegmentsPath, (HttpContext context, AnalyticsResults results, AuditLog audit, ClaimsPrincipal user) =>
            WriteAsync(context, results, audit, user, "segments")).RequireAuthorization(Policies.Export);
    }

    private static async Task WriteAsync(HttpContext context, AnalyticsResults results, AuditLog audit, ClaimsPrincipal user, string what)
    {
        var cancellationToken = context.RequestAborted;
        if (await results.LatestAsync(cancellationToken) is not { } run)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("No analytics run has succeeded yet.", cancellationToken);
            return;
        }
        var lines = what == "rules"
            ? RunExports.Rules(await results.RulesAsync(run.RunId, cancellationToken))
            : RunExports.Segments(await results.CustomersAsync(run.RunId, cancellationToken));
        await audit.RecordAsync(user.Identity?.Name ?? "unknown", AuditActions.Export, $"{what} of run #{run.RunId}", "download", cancellationToken);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{what}-run-{run.RunId}-{run.AsOf:yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        foreach (var line in lines)
            await writer.WriteLineAsync(line);
    }
}
