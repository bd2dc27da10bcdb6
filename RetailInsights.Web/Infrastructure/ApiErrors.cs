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
}
