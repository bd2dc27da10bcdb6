using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RetailInsights.Web.Infrastructure;

/// <summary>What the machine API answers when it refuses a request: why, and the form field or parameter at fault.</summary>
public sealed record ApiError(string Error, string? Field = null);

public static class ApiErrors
{
    /// <summary>The refusals of an operation that takes a body, described for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesApiErrors(this RouteHandlerBuilder builder) => builder
        .Produces<ApiError>(StatusCodes.Status400BadRequest)
        .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
        .ProducesAccessErrors();

    /// <summary>The refusals of every operation: no or a revoked key, a key outside its scope, too many requests.</summary>
    public static RouteHandlerBuilder ProducesAccessErrors(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// Describes the request body as <typeparamref name="TBody"/> in <paramref name="contentType"/> (a component schema
    /// of its own), without the content-type constraint <c>Accepts</c> would add to routing: the endpoint reads the
    /// body itself and answers a wrong one with its own 400.
    /// </summary>
    public static RouteHandlerBuilder DescribesBody<TBody>(this RouteHandlerBuilder builder, string contentType, string description) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var type = typeof(TBody);
            var item = type.IsArray ? type.GetElementType()! : type;
            var schema = await context.GetOrCreateSchemaAsync(item, null, cancellationToken);
            context.Document!.AddComponent(item.Name, schema);
            IOpenApiSchema reference = new OpenApiSchemaReference(item.Name, context.Document);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [contentType] = new() { Schema = type.IsArray ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = reference } : reference },
                },
            };
        });
}
