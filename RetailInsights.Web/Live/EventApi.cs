using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Web.Live;

/// <summary>
/// The live event API for point-of-sale systems (API key, as the upload API): <c>POST /api/events/transactions</c> and
/// <c>POST /api/events/refunds</c>, each a JSON array of events, <c>?source=</c> naming the source system (default
/// "default"). Valid events are accepted and the rest rejected with their reasons: 200 when none was rejected, 207 when
/// some were (the body says which, by their place in the array). The events are in the database before the answer.
/// </summary>
public static class EventApi
{
    public sealed record RejectedEvent(int Index, string? Id, IReadOnlyList<string> Reasons, IReadOnlyList<string> Messages);

    /// <param name="Received">Events in the request.</param>
    /// <param name="Accepted">New sales or refunds, now facts.</param>
    /// <param name="Duplicates">Sent before (a retry): nothing changed.</param>
    /// <param name="AlreadyLoaded">New events whose sale or refund a file had already loaded: counted once.</param>
    /// <param name="Late">New events older than the allowed lateness: counted in their day, not in the minute windows.</param>
    public sealed record EventsResponse(int Received, int Accepted, int Duplicates, int AlreadyLoaded, int Late,
        IReadOnlyList<RejectedEvent> Rejected);

    public static void MapEventApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/events").RequireAuthorization(Policies.UploadApi).DisableAntiforgery();
        api.MapPost("/transactions", (HttpContext context, EventWriter writer, IOptions<LiveOptions> options, TimeProvider clock) =>
                PostAsync<TransactionRow>(context, EventKind.Transaction, UploadKind.Transactions, options.Value, clock,
                    (source, events, cutoff, token) => writer.WriteSalesAsync(source, events, cutoff, token)))
            .WithSummary("Post sales as they happen").DescribedAsEvents<TransactionEvent>();
        api.MapPost("/refunds", (HttpContext context, EventWriter writer, IOptions<LiveOptions> options, TimeProvider clock) =>
                PostAsync<RefundRow>(context, EventKind.Refund, UploadKind.Refunds, options.Value, clock,
                    (source, events, cutoff, token) => writer.WriteRefundsAsync(source, events, cutoff, token)))
            .WithSummary("Post refunds as they happen").DescribedAsEvents<RefundEvent>();
    }

    private delegate Task<EventBatchResult> Write<TRow>(string source, IReadOnlyList<AcceptedEvent<TRow>> events, DateTime cutoff,
        CancellationToken cancellationToken) where TRow : ParsedRow;

    private static async Task<IResult> PostAsync<TRow>(HttpContext context, EventKind kind, UploadKind uploadKind, LiveOptions options,
        TimeProvider clock, Write<TRow> write) where TRow : ParsedRow
    {
        var source = IntakeRules.Retailer(context.Request.Query["source"]);
        if (source.Length > FieldLimits.Code)
            return Results.BadRequest(new { error = $"source is {source.Length} characters; a source system code has at most {FieldLimits.Code}.", field = "source" });
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
            var validation = new RecordValidation<TRow>(uploadKind, new ReadOptions { Now = now });
            var accepted = new List<AcceptedEvent<TRow>>(count);
            var rejected = new List<RejectedEvent>();
            var index = 0;
            foreach (var element in body.RootElement.EnumerateArray())
            {
                var record = EventRecord.Read(kind, element, index);
                var result = validation.Validate(record.Fields, index, record.RawText);
                IReadOnlyList<string> reasons = !record.IsObject ? [RejectReasons.NotAnObject]
                    : record.EventId is null ? [RejectReasons.MissingEventId, .. result.Rejected?.Reasons ?? []]
                    : result.Rejected?.Reasons ?? [];
                if (reasons.Count > 0)
                    rejected.Add(new RejectedEvent(index, record.EventId, reasons, reasons.Select(RejectReasons.Describe).ToList()));
                else
                    accepted.Add(new AcceptedEvent<TRow>(index, record.EventId!, result.Row!));
                index++;
            }
            var written = await write(source, accepted, DateTime.SpecifyKind(now.AddMinutes(-options.AllowedLatenessMinutes), DateTimeKind.Unspecified),
                context.RequestAborted);
            var response = new EventsResponse(count, written.Accepted, written.Duplicates, written.AlreadyLoaded, written.Late, rejected);
            return rejected.Count == 0 ? Results.Ok(response) : Results.Json(response, statusCode: StatusCodes.Status207MultiStatus);
        }
    }
}
