using RetailInsights.Web.Admin.Account;
using RetailInsights.Web.Admin.Users;

namespace RetailInsights.Web.Admin;

/// <summary>The admin feature's services: signing in, and managing users (the API key service is shared, in Security).</summary>
public static class AdminRegistration
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddSingleton<SignInFailures>();
        services.AddScoped<SignInGate>();
        return services;
    }

    public static void MapAdmin(this WebApplication app) => app.MapAccountEndpoints();
}
