using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RetailInsights.Web.Infrastructure.Health;

/// <summary>
/// Hangfire's storage (its schema in the database) answers, so uploads and analytics runs can be queued. A failure
/// or the check's timeout counts as unhealthy.
/// </summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Hangfire's storage API is synchronous: off the request thread, and given up on at the check's timeout.
        await Task.Run(() => storage.GetMonitoringApi().Servers(), cancellationToken).WaitAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
