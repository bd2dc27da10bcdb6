using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace RetailInsights.Web.Infrastructure.Health;

/// <summary>The app's database answers a query. A failure or the check's timeout counts as unhealthy.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
