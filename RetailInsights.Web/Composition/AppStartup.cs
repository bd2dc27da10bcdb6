using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Data;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Security;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Composition;

/// <summary>What the web app does before it listens: the database, its summaries and the first admin.</summary>
public static class AppStartup
{
    /// <summary>
    /// Checks that PostgreSQL answers and applies migrations when configured; throws
    /// <see cref="DatabaseUnavailableException"/> with a one-line message when it does not answer.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<RetailInsightsDbContext>>()
            .CreateDbContextAsync();
        await DatabaseStartup.EnsureReachableAsync(db);
        if (options.MigrateOnStartup)
        {
            await DatabaseSetup.EnsureMigratableAsync(db);
            await db.Database.MigrateAsync();
        }
        // A migration that adds or changes a summary over facts already loaded asks for it to be rebuilt.
        await app.Services.GetRequiredService<Summaries>().RebuildIfRequestedAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureFirstAdminAsync();
    }
}
