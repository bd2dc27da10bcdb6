using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailInsights.Web.Admin.Audit;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Web.Sources;

public static class SourcesRegistration
{
    /// <summary>Source systems, their versioned mappings and their endpoints, for the pages, the commands and every intake.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<AuditLog>();
        services.TryAddScoped<SourceCatalog>();
        services.AddPulls();
        return services;
    }
}
