using System.Security.Claims;
using RetailInsights.Web.Security;
using RetailInsights.Web.Analytics.Inputs;

namespace RetailInsights.Web.Analytics;

/// <summary>The pages' downloads of the latest run: the same CSV as the export command, for marketing's campaigns.</summary>
public static class RunDownloads
{
    public const string RulesPath = "/exports/rules.csv";
    public const string SegmentsPath = "/exports/segments.csv";
    public const string BasketsPath = "/exports/baskets.csv";

    /// <summary>The download of one segment's customers, or of all of them when <paramref name="segment"/> is null.</summary>
    public static string SegmentPath(string? segment) => CustomersPath(new CustomerSelection { Segment = segment });

    /// <summary>The download of the customers a selection holds (a segment, a cell, a move).</summary>
    public static string CustomersPath(CustomerSelection selection) => SegmentsPath + selection.ToQueryString();

    public static void MapRunDownloads(this WebApplication app)
    {
        app.MapGet(RulesPath, (HttpContext context, AnalyticsResults results, AuditLog audit, ClaimsPrincipal user) =>
            WriteRulesAsync(context, results, audit, user)).RequireAuthorization(Policies.Export);
        app.MapGet(SegmentsPath, (HttpContext context, AnalyticsResults results, AuditLog audit, ClaimsPrincipal user, Npgsql.NpgsqlDataSource dataSource) =>
            WriteCustomersAsync(context, results, audit, user, dataSource)).RequireAuthorization(Policies.Export);
        app.MapGet(BasketsPath, (HttpContext context, AnalyticsResults results, AuditLog audit, ClaimsPrincipal user, Npgsql.NpgsqlDataSource dataSource) =>
            WriteBasketsAsync(context, results, audit, user, dataSource)).RequireAuthorization(Policies.ExportLineData);
    }

    // The baskets the latest run mined (its window, without fee codes, returns or free lines), for other tools: line-level
    // data (invoice by invoice), so managers' and admins' only.
    private static async Task WriteBasketsAsync(HttpContext context, AnalyticsResults results, AuditLog audit, ClaimsPrincipal user,
        Npgsql.NpgsqlDataSource dataSource)
    {
        var cancellationToken = context.RequestAborted;
        if (await results.LatestAsync(cancellationToken) is not { } run)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("No analytics run has succeeded yet.", cancellationToken);
            return;
        }
        await audit.RecordAsync(user.Identity?.Name ?? "unknown", AuditActions.Export, $"baskets of run #{run.RunId}", "download", cancellationToken);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"baskets-run-{run.RunId}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await writer.WriteLineAsync("Invoice,StockCode");
        var query = BasketQuery.MinedAsOf(run.AsOf, run.WindowDays);
        await foreach (var (invoice, stockCode) in new BasketSource(dataSource).StreamAsync(query, cancellationToken))
            await writer.WriteLineAsync(Infrastructure.CsvText.Row(invoice, stockCode));
    }

    // Every rule of the latest run with its redundancy flag, streamed: the response never holds the run.
    private static async Task WriteRulesAsync(HttpContext context, AnalyticsResults results, AuditLog audit, ClaimsPrincipal user)
    {
        var cancellationToken = context.RequestAborted;
        if (await results.LatestAsync(cancellationToken) is not { } run)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("No analytics run has succeeded yet.", cancellationToken);
            return;
        }
        await audit.RecordAsync(user.Identity?.Name ?? "unknown", AuditActions.Export, $"rules of run #{run.RunId}", "download", cancellationToken);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"rules-run-{run.RunId}-{run.AsOf:yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await foreach (var line in RunExports.RuleLinesAsync(results, run.RunId, cancellationToken))
            await writer.WriteLineAsync(line);
    }

    // The latest run's customers, or the selection the query names (a segment for a campaign, a cell, a move), streamed.
    private static async Task WriteCustomersAsync(HttpContext context, AnalyticsResults results, AuditLog audit, ClaimsPrincipal user,
        Npgsql.NpgsqlDataSource dataSource)
    {
        var cancellationToken = context.RequestAborted;
        if (await results.LatestAsync(cancellationToken) is not { } run)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("No analytics run has succeeded yet.", cancellationToken);
            return;
        }
        var (selection, error) = CustomerSelection.Parse(context.Request.Query.ToDictionary(q => q.Key, q => q.Value));
        if (selection is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(error!, cancellationToken);
            return;
        }
        var described = CustomerExports.Describe(selection);
        await audit.RecordAsync(user.Identity?.Name ?? "unknown", AuditActions.Export, $"{described} of run #{run.RunId}", "download", cancellationToken);
        context.Response.ContentType = "text/csv; charset=utf-8";
        var slug = selection.Segment is { } segment ? $"segments-{segment.ToLowerInvariant().Replace(' ', '-').Replace("'", "", StringComparison.Ordinal)}" : "segments";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}-run-{run.RunId}-{run.AsOf:yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await CustomerExports.WriteAsync(writer, dataSource, run.RunId, selection, cancellationToken);
    }
}
