using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;

namespace RetailInsights.Tests.Support;

/// <summary>Gives the app's query classes contexts on a test database, as the app's own factory does.</summary>
public sealed class DbContextFactoryForTests(TestDatabase database) : IDbContextFactory<RetailInsightsDbContext>
{
    public RetailInsightsDbContext CreateDbContext() => database.CreateDbContext();
}
