using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Live;

/// <summary>
/// The live event API for point-of-sale systems (API key, as the upload API): <c>POST /api/events/transactions</c> and
/// <c>POST /api/events/refunds</c>, each a JSON array of events, <c>?source=</c> naming the source system (default
/// "default"). Valid events are accepted and the rest rejected with their reasons: 200 when none was rejected, 207 when
/// some were (the body says which, by their place in the array); an event older than <see cref="LiveOptions.MaxEventAgeDays"/>
/// is rejected as <c>too_old</c>. The events are in the database before the answer. The key must be for events, and a
/// key limited to sources or stores is answered 403 for the whole batch, nothing kept, when the source or any event's
/// store is outside its scope; a key limited to sources adds no new source.
/// </summary>
public static class EventApi
{
    public sealed record RejectedEvent(int Index, string? Id, IReadOnlyList<string> Reasons, IReadOnlyList<string> Messages);

    /// <param name="Received">Events in the request.</param>
    /// <param name="Accepted">New sales or refunds, now facts.</param>
    /// <param name="Duplicates">Sent before (a retry): nothing changed.</param>
    /// <param name="AlreadyLoaded">New events whose sale or refund a file had already loaded: counted once.</param>
    /// <param name="Late">New events older than the allowed lateness: counted in their day, not in the minute windows.</param>
    /// <param name="TooOld">Events older than <c>Live:MaxEventAgeDays</c>, refused (among <paramref name="Rejected"/>, reason too_old).</param>
    public sealed record EventsResponse(int Received, int Accepted, int Duplicates, int AlreadyLoaded, int Late, int TooOld,
        IReadOnlyList<RejectedEvent> Rejected);

    public static void MapEventApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/events").RequireAuthorization(Policies.UploadApi).DisableAntiforgery()
            .RateLimitedPerApiKey(ApiKeyPurposes.Events).RequireApiKeyPurpose(ApiKeyPurposes.Events);
        api.MapPost("/transactions", (HttpContext context, EventWriter writer, IOptions<LiveOptions> options, TimeProvider clock) =>
                PostAsync<TransactionRow>(context, EventKind.Transaction, UploadKind.Transactions, options.Value, clock, writer, sale => sale.InvoicedAt,
                    (source, events, cutoff, token) => writer.WriteSalesAsync(source, events, cutoff, token)))
            .WithSummary("Post sales as they happen").DescribedAsEvents<TransactionEvent>();
        api.MapPost("/refunds", (HttpContext context, EventWriter writer, IOptions<LiveOptions> options, TimeProvider clock) =>
                PostAsync<RefundRow>(context, EventKind.Refund, UploadKind.Refunds, options.Value, clock, writer, refund => refund.RefundedAt,
                    (source, events, cutoff, token) => writer.WriteRefundsAsync(source, events, cutoff, token)))
            .WithSummary("Post refunds as they happen").DescribedAsEvents<RefundEvent>();
    }

    private delegate Task<EventBatchResult> Write<TRow>(string source, IReadOnlyList<AcceptedEvent<TRow>> events, DateTime cutoff,
        CancellationToken cancellationToken) where TRow : ParsedRow;

    private static async Task<IResult> PostAsync<TRow>(HttpContext context, EventKind kind, UploadKind uploadKind, LiveOptions options,
        TimeProvider clock, EventWriter writer, Func<TRow, DateTime> occurredAt, Write<TRow> write) where TRow : ParsedRow
    {
        var source = SourceCodes.Of(context.Request.Query["source"]);
        if (source.Length > FieldLimits.Code)
            return Results.BadRequest(new { error = $"source is {source.Length} characters; a source system code has at most {FieldLimits.Code}.", field = "source" });
        var scope = ApiKeyScope.Of(context.User);
        if (scope.SourceProblem(source, "post events") is { } outsideSource)
            return ApiKeyEndpoints.OutsideScope(outsideSource, scope);
        // The writer adds a source it has not seen; a key limited to sources posts only for sources an admin made.
        if (scope.Sources is not null && !await writer.SourceExistsAsync(source, context.RequestAborted))
            return ApiKeyEndpoints.OutsideScope(
                $"There is no source {source} yet, and a key limited to sources may not create one: an admin adds it on the Sources page.", scope);
        // An event is a few hundred bytes: a batch of the largest size fits well within this.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = 4096L * options.MaxBatchSize;
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 8 }, context.RequestAborted);
        }
        catch (JsonException e)
        {
            return Results.BadRequest(new { error = $"The body is not JSON: {e.Message}" });
        }
        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Array)
                return Results.BadRequest(new { error = "Send a JSON array of events." });
            var count = body.RootElement.GetArrayLength();
            if (count > options.MaxBatchSize)
                return Results.BadRequest(new { error = $"{count:N0} events in one request; send at most {options.MaxBatchSize:N0} at a time." });

            var now = clock.GetUtcNow().UtcDateTime;
            var oldest = now.AddDays(-options.MaxEventAgeDays);
            // The file rules judge each event's store against the key's stores, as they judge a file's lines.
            var validation = new RecordValidation<TRow>(uploadKind, new ReadOptions { Now = now, AllowedStores = scope.Stores?.ToHashSet(StringComparer.Ordinal) });
            var storeColumn = kind == EventKind.Transaction ? FileSchemas.Transactions.StoreCode : FileSchemas.Refunds.StoreCode;
            var accepted = new List<AcceptedEvent<TRow>>(count);
            var rejected = new List<RejectedEvent>();
            var outsideStores = new List<string>();
            var tooOld = 0;
            var index = 0;
            foreach (var element in body.RootElement.EnumerateArray())
            {
                var record = EventRecord.Read(kind, element, index);
                var result = validation.Validate(record.Fields, index, record.RawText);
                IReadOnlyList<string> reasons = !record.IsObject ? [RejectReasons.NotAnObject]
                    : record.EventId is null ? [RejectReasons.MissingEventId, .. result.Rejected?.Reasons ?? []]
                    : result.Rejected?.Reasons ?? [];
                if (reasons.Contains(RejectReasons.StoreOutOfScope))
                    outsideStores.Add(record.Fields[storeColumn] is { Length: > 0 } store ? store : "an event without store_id");
                if (reasons.Count == 0 && occurredAt(result.Row!) < oldest)
                {
                    reasons = [RejectReasons.TooOld];
                    tooOld++;
                }
                if (reasons.Count > 0)
                    rejected.Add(new RejectedEvent(index, record.EventId, reasons, reasons.Select(RejectReasons.Describe).ToList()));
                else
                    accepted.Add(new AcceptedEvent<TRow>(index, record.EventId!, result.Row!));
                index++;
            }
            // One event of another store refuses the batch whole: a key writes for its stores or not at all.
            if (scope.StoresProblem(outsideStores, "post events") is { } outsideStore)
                return ApiKeyEndpoints.OutsideScope(outsideStore, scope);
            var written = await write(source, accepted, DateTime.SpecifyKind(now.AddMinutes(-options.AllowedLatenessMinutes), DateTimeKind.Unspecified),
                context.RequestAborted);
            var response = new EventsResponse(count, written.Accepted, written.Duplicates, written.AlreadyLoaded, written.Late, tooOld, rejected);
            return rejected.Count == 0 ? Results.Ok(response) : Results.Json(response, statusCode: StatusCodes.Status207MultiStatus);
        }
    }
}
