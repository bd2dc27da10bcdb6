using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailInsights.Web.Admin.Users;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Security;
using RetailInsights.Web.Sources;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Composition;

/// <summary>
/// The services an admin command may use, built only when a command asks for them, so that `generate` works without a
/// database while `migrate` gets the same DbContext as the web app.
/// </summary>
public static class CommandServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRetailInsightsData();
        services.AddIdentityCore<AppUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RetailInsightsDbContext>();
        services.AddIdentityRules(configuration);
        // The admin services the Users and API keys pages use, so a command takes the same path as the page.
        services.AddAuthorizationCore(Policies.Add);
        services.TryAddScoped<AuditLog>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<ApiKeyService>();
        services.AddWarehouse();
        services.AddIngestion();
        services.AddSources();
        services.AddAnalytics();
        services.AddRecurringJobsForCommands();
    }
}
