using System.Text.Json;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Ingestion.Loading;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Web.Sources;

/// <summary>The <c>sources endpoint</c> and <c>sources pull</c> actions: a source's HTTP endpoint set, removed or pulled now.</summary>
internal static class SourceEndpointActions
{
    public static readonly string[] EndpointOptions =
        ["url", "paging", "page-size", "since-param", "records-path", "cursor-field", "schedule", "auth", "header", "user", "cursor", "reset-cursor", "remove"];

    public const string Usage = """
          endpoint NAME              saves the HTTP endpoint NAME's records are pulled from (options not given keep their value)
            --url URL                base URL, e.g. https://api.example.com/v1/sales (its own query is kept)
            --paging STYLE           pages: ?since=CURSOR&page=N&per_page=M until a short page (default) |
                                     next-link: ?since=CURSOR&limit=M, then the answer's "next" (or Link: rel="next")
            --page-size N            records per page, at most what the API gives (default 100)
            --since-param NAME       the query parameter the cursor goes in (default since)
            --records-path PATH      where the records are in an answer, e.g. data or result.items ("" for a bare array)
            --cursor-field FIELD     the records' timestamp or id field the next pull starts after, e.g. updated_at
            --schedule CRON          when to pull, UTC (default hourly: "0 * * * *")
            --auth KIND              none | api-key (with --header NAME) | bearer | basic (with --user NAME); the key, token
                                     or password is the first line of standard input: printf '%s\n' "$TOKEN" | … endpoint …
            --cursor VALUE           start the next pull after VALUE; --reset-cursor starts it from the beginning
            --remove                 removes the endpoint and its schedule
          pull NAME                  pulls NAME now in this process and prints one JSON line (exit 1 when the pull failed)
        """;

    public static async Task<int> EndpointAsync(string code, CommandArguments arguments, CommandContext context, IServiceProvider services,
        string actor, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<EndpointCatalog>();
        if (arguments.Has("remove"))
        {
            arguments.RejectUnknown("remove");
            var removed = await catalog.RemoveAsync(code, actor, cancellationToken);
            await context.Output.WriteLineAsync(removed ? $"Removed the endpoint of {code} and its schedule." : $"Source {code} had no endpoint.");
            return 0;
        }
        arguments.RejectUnknown(EndpointOptions);
        try
        {
            var change = new EndpointChange
            {
                BaseUrl = arguments.String("url"),
                Paging = arguments.String("paging"),
                PageSize = arguments.Has("page-size") ? arguments.Int("page-size", 0, 1, SourceEndpoint.MaxPageSize) : null,
                SinceParameter = arguments.String("since-param"),
                RecordsPath = arguments.String("records-path"),
                CursorField = arguments.String("cursor-field"),
                Schedule = arguments.String("schedule"),
                Auth = arguments.String("auth"),
                AuthHeader = arguments.String("header"),
                AuthUser = arguments.String("user"),
                Secret = await PipedInput.ReadFirstLineAsync(context.Input, EndpointRules.MaxSecretLength, cancellationToken),
                Cursor = arguments.Has("reset-cursor") ? "" : arguments.String("cursor"),
            };
            var saved = await catalog.SaveAsync(code, change, actor, cancellationToken);
            await context.Output.WriteLineAsync($"Saved the endpoint of {code}; it is pulled {saved.Schedule} (UTC).");
            await WriteAsync(saved, context.Output);
            return 0;
        }
        catch (ArgumentException e)
        {
            await context.Error.WriteLineAsync($"sources endpoint: refused: {e.Message}");
            return 1;
        }
    }

    public static async Task<int> PullAsync(string code, CommandContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        // Loaded here as `import` loads: this process is the upload's loader, and the analytics run at their schedule.
        var loader = services.GetRequiredService<UploadLoader>();
        var outcome = await services.GetRequiredService<SourcePuller>().PullAsync(code, loader.LoadAsync, cancellationToken);
        await context.Output.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["source"] = outcome.Source,
            ["status"] = outcome.Status,
            ["pages"] = outcome.Pages,
            ["records"] = outcome.Records,
            ["upload"] = outcome.UploadId,
            ["upload_status"] = outcome.UploadStatus,
            ["accepted"] = outcome.Accepted,
            ["duplicates"] = outcome.Duplicates,
            ["cursor_before"] = outcome.CursorBefore,
            ["cursor_after"] = outcome.CursorAfter,
            ["message"] = outcome.Message,
        }));
        return outcome.Status is PullStatuses.Failed or PullStatuses.NoEndpoint ? 1 : 0;
    }

    public static async Task WriteAsync(EndpointSettings endpoint, TextWriter output)
    {
        await output.WriteLineAsync($"  pulls from {endpoint.BaseUrl} ({endpoint.Paging}, {endpoint.PageSize} a page, cursor in ?{endpoint.SinceParameter}=), " +
            $"records in {endpoint.RecordsPath ?? "the answer"}, cursor field {endpoint.CursorField}, schedule {endpoint.Schedule} (UTC)");
        var secret = endpoint.HasSecret ? $"{EndpointAuth.SecretName(endpoint.Auth)} set" : "no secret";
        await output.WriteLineAsync($"  auth: {endpoint.Auth}" + endpoint.Auth switch
        {
            EndpointAuth.ApiKey => $" in header {endpoint.AuthHeader} ({secret})",
            EndpointAuth.Basic => $" as {endpoint.AuthUser} ({secret})",
            EndpointAuth.Bearer => $" ({secret})",
            _ => "",
        });
        await output.WriteLineAsync($"  cursor: {endpoint.Cursor ?? "none yet (the next pull starts from the beginning)"}");
        if (endpoint.LastAttemptAt is { } attempt)
            await output.WriteLineAsync($"  last pull: {Format.Timestamp(attempt)} UTC, {endpoint.LastRecords} records" +
                (endpoint.LastUploadId is { } upload ? $", upload #{upload}" : "") +
                (endpoint.LastError is { } error ? $"; FAILING since {Format.Timestamp(endpoint.FailingSince)} UTC: {error}" : "; ok"));
    }
}
