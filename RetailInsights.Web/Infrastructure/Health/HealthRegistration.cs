using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RetailInsights.Web.Infrastructure.Health;

/// <summary>
/// <c>/healthz</c> for container health checks and load balancers: 200 "Healthy" when the database and Hangfire's
/// storage answer, 503 "Unhealthy" otherwise. Anonymous, and it says nothing more than that word; rate limited, and the
/// answer of the checks kept a second (<see cref="HealthAnswer"/>).
/// </summary>
public static class HealthRegistration
{
    public const string Path = "/healthz";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static void AddRetailInsightsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, timeout: CheckTimeout)
            .AddCheck<JobStorageHealthCheck>("hangfire-storage", HealthStatus.Unhealthy, timeout: CheckTimeout);
        services.AddSingleton<HealthAnswer>();
    }

    /// <summary>Rate limited per client address (<c>RateLimits:HealthPerMinute</c>, 429 past it), the answer cached a second.</summary>
    public static void MapRetailInsightsHealth(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext context, HealthAnswer answer) =>
        {
            var status = await answer.GetAsync();
            context.Response.Headers.CacheControl = "no-store, no-cache";
            return Results.Text(status.ToString(), "text/plain",
                statusCode: status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>Probes come over the container's own HTTP port: an HTTPS redirect would fail them.</summary>
    public static bool IsProbe(HttpContext context) => context.Request.Path.StartsWithSegments(Path);
}
