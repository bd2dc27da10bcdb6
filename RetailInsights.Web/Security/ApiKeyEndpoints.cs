using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Security;

/// <summary>
/// What the machine API's endpoint groups add to their key (authenticated by the group's policy): a rate limit per key
/// beside the per-address one, and the purpose the key must have. Both run as endpoint filters, after authorization,
/// where the key is known: the rate-limiting middleware runs before authentication, so that guessed keys count too.
/// </summary>
public static class ApiKeyEndpoints
{
    /// <summary>At most <see cref="RateLimitOptions.ApiPerKeyPerMinute"/> (or, for events, <see cref="RateLimitOptions.EventsPerKeyPerMinute"/>) calls a minute per key: 429 past it.</summary>
    public static TBuilder RateLimitedPerApiKey<TBuilder>(this TBuilder builder, string purpose) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) is not { } keyId)
                return await next(context);
            var limiter = http.RequestServices.GetRequiredService<ApiKeyRateLimiter>();
            using var lease = limiter.AttemptAcquire(purpose, keyId);
            if (lease.IsAcquired)
                return await next(context);
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
            http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            var message = $"This key sent more than {limiter.PermitsPerMinute(purpose):N0} requests a minute to the {purpose} API; send again in {wait} s.";
            return Results.Problem(message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests for this API key",
                extensions: new Dictionary<string, object?> { ["error"] = message });
        });

    /// <summary>A key whose purposes leave out <paramref name="purpose"/> is answered 403 naming its scope.</summary>
    public static TBuilder RequireApiKeyPurpose<TBuilder>(this TBuilder builder, string purpose) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var scope = ApiKeyScope.Of(context.HttpContext.User);
            return scope.PurposeProblem(purpose) is { } problem ? OutsideScope(problem, scope) : await next(context);
        });

    /// <summary>The answer to a request outside its key's scope: 403, a problem naming the scope; nothing was kept.</summary>
    public static IResult OutsideScope(string message, ApiKeyScope scope) =>
        Results.Problem(message, statusCode: StatusCodes.Status403Forbidden, title: "Outside this API key's scope",
            extensions: new Dictionary<string, object?>
            {
                ["error"] = message,
                ["scope"] = new { purposes = scope.Purposes, sources = scope.Sources, stores = scope.Stores },
            });
}

/// <summary>Fixed one-minute windows per key and purpose (uploads, events), sized by <see cref="RateLimitOptions"/>.</summary>
public sealed class ApiKeyRateLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Purpose, string KeyId)> _limiter =
        PartitionedRateLimiter.Create<(string Purpose, string KeyId), (string, string)>(request =>
            RateLimitPartition.GetFixedWindowLimiter(request, r => new FixedWindowRateLimiterOptions
            {
                PermitLimit = PermitsPerMinute(options.Value, r.Item1),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));

    public RateLimitLease AttemptAcquire(string purpose, string keyId) => _limiter.AttemptAcquire((purpose, keyId));

    public int PermitsPerMinute(string purpose) => PermitsPerMinute(options.Value, purpose);

    private static int PermitsPerMinute(RateLimitOptions limits, string purpose) =>
        purpose == ApiKeyPurposes.Events ? limits.EventsPerKeyPerMinute : limits.ApiPerKeyPerMinute;

    public void Dispose() => _limiter.Dispose();
}
