using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailInsights.Web.Admin.Audit;

namespace RetailInsights.Web.Sources;

public static class SourcesRegistration
{
    /// <summary>Source systems and their versioned mappings, for the pages, the commands and every intake.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<AuditLog>();
        services.TryAddScoped<SourceCatalog>();
        return services;
    }
}
