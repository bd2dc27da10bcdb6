using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RetailInsights.Web.Data;

public static class DataRegistration
{
    /// <summary>The database: one Npgsql data source, and EF Core contexts made per operation on top of it.</summary>
    public static IServiceCollection AddRetailInsightsData(this IServiceCollection services)
    {
        // The connection string is read when first needed, so test hosts and late configuration sources count.
        services.AddSingleton(provider =>
            NpgsqlDataSource.Create(DatabaseSetup.GetConnectionString(provider.GetRequiredService<IConfiguration>())));
        services.AddDbContextFactory<RetailInsightsDbContext>((provider, options) =>
            DatabaseSetup.Configure(options, provider.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
