using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailInsights.Web.Security;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Web.Sources;

public static class SourcesRegistration
{
    /// <summary>The endpoints source systems are pulled from, for the Sources page, the commands and the scheduled pulls.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<AuditLog>();
        services.AddPulls();
        return services;
    }
}
