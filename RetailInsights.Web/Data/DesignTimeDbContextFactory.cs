using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace RetailInsights.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app or reaching a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RetailInsightsDbContext>
{
    public RetailInsightsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RetailInsightsDbContext>();
        DatabaseSetup.Configure(options,
            NpgsqlDataSource.Create("Host=127.0.0.1;Port=55432;Database=retailinsights;Username=retailinsights"));
        return new RetailInsightsDbContext(options.Options);
    }
}
