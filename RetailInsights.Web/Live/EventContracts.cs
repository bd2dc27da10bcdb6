using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Live;

/// <summary>
/// One sale as a POS system posts it to <c>POST /api/events/transactions</c>, as the OpenAPI document describes it (the
/// endpoint reads each event itself, see <see cref="EventRecord"/>; this type only describes one).
/// </summary>
[Description("One sold item. quantity defaults to 1 and unit_price to amount / quantity; invoice defaults to transaction_id.")]
public sealed record TransactionEvent
{
    [JsonPropertyName("transaction_id"), Required, MaxLength(64), Description("The event's id: an id sent again is a duplicate, not a second sale.")]
    public required string TransactionId { get; init; }

    [JsonPropertyName("invoice"), MaxLength(64), Description("The receipt the item is on.")]
    public string? Invoice { get; init; }

    [JsonPropertyName("product_id"), Required, MaxLength(64)]
    public required string ProductId { get; init; }

    [JsonPropertyName("store_id"), Required, MaxLength(64)]
    public required string StoreId { get; init; }

    [JsonPropertyName("customer_id"), MaxLength(64)]
    public string? CustomerId { get; init; }

    [JsonPropertyName("quantity"), Range(-1_000_000, 1_000_000)]
    public int? Quantity { get; init; }

    [JsonPropertyName("unit_price"), Description("Price of one item, up to 3 decimals.")]
    public double? UnitPrice { get; init; }

    [JsonPropertyName("amount"), Description("The line's amount; must equal quantity × unit_price when all three are given.")]
    public double? Amount { get; init; }

    [JsonPropertyName("timestamp"), Required, Description("When it was sold, ISO 8601 (a time without an offset is the store's local time).")]
    public required DateTimeOffset Timestamp { get; init; }
}

/// <summary>One refunded item as a POS system posts it to <c>POST /api/events/refunds</c> (see <see cref="TransactionEvent"/>).</summary>
[Description("One refunded item of an earlier sale.")]
public sealed record RefundEvent
{
    [JsonPropertyName("refund_id"), Required, MaxLength(64), Description("The event's id: an id sent again is a duplicate.")]
    public required string RefundId { get; init; }

    [JsonPropertyName("original_transaction_id"), Required, MaxLength(64)]
    public required string OriginalTransactionId { get; init; }

    [JsonPropertyName("product_id"), Required, MaxLength(64)]
    public required string ProductId { get; init; }

    [JsonPropertyName("store_id"), Required, MaxLength(64)]
    public required string StoreId { get; init; }

    [JsonPropertyName("customer_id"), MaxLength(64)]
    public string? CustomerId { get; init; }

    [JsonPropertyName("refund_amount"), Required, Description("The amount refunded, positive, up to 3 decimals.")]
    public required double RefundAmount { get; init; }

    [JsonPropertyName("reason"), MaxLength(64), Description("defective, wrong_item, not_as_described, changed_mind or damaged_shipping.")]
    public string? Reason { get; init; }

    [JsonPropertyName("timestamp"), Required, Description("When it was refunded, ISO 8601.")]
    public required DateTimeOffset Timestamp { get; init; }
}

internal static class EventContracts
{
    /// <summary>An event endpoint's contract: a JSON array of <typeparamref name="TEvent"/>, the source parameter, every answer.</summary>
    public static RouteHandlerBuilder DescribedAsEvents<TEvent>(this RouteHandlerBuilder builder) => builder
        .DescribesBody<TEvent[]>("application/json", "The events, at most Live:MaxBatchSize (default 1,000) a request.")
        .Produces<EventApi.EventsResponse>()
        .Produces<EventApi.EventsResponse>(StatusCodes.Status207MultiStatus)
        .ProducesApiErrors()
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "source",
                In = ParameterLocation.Query,
                Description = "The source system (till software) the events come from; default \"default\".",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = FieldLimits.Code },
            });
            return Task.CompletedTask;
        });
}
