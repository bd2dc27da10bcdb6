using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RetailInsights.Web.Infrastructure.Health;

/// <summary>
/// <c>/healthz</c> for container health checks and load balancers: 200 "Healthy" when the database and Hangfire's
/// storage answer, 503 "Unhealthy" otherwise. Anonymous, and it says nothing more than that word.
/// </summary>
public static class HealthRegistration
{
    public const string Path = "/healthz";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static void AddRetailInsightsHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, timeout: CheckTimeout)
            .AddCheck<JobStorageHealthCheck>("hangfire-storage", HealthStatus.Unhealthy, timeout: CheckTimeout);

    public static void MapRetailInsightsHealth(this WebApplication app) =>
        app.MapHealthChecks(Path).AllowAnonymous().DisableRateLimiting();

    /// <summary>Probes come over the container's own HTTP port: an HTTPS redirect would fail them.</summary>
    public static bool IsProbe(HttpContext context) => context.Request.Path.StartsWithSegments(Path);
}
