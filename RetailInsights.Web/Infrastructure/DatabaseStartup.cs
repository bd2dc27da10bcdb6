using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Infrastructure;

public static class DatabaseStartup
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
        await EnsureReachableAsync(db);
        if (options.MigrateOnStartup)
        {
            await DatabaseSetup.EnsureMigratableAsync(db);
            await db.Database.MigrateAsync();
        }
        // A migration that adds or changes a summary over facts already loaded asks for it to be rebuilt.
        await app.Services.GetRequiredService<Warehouse.Summaries>().RebuildIfRequestedAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureFirstAdminAsync();
    }

    public static async Task EnsureReachableAsync(RetailInsightsDbContext db, CancellationToken cancellationToken = default)
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw new DatabaseUnavailableException(
                $"Cannot reach PostgreSQL at {DatabaseSetup.Describe(connectionString)}: {FirstLine(e)}. " +
                "Start the local database with `scripts/pg.sh start` (or `./run.sh`), or set ConnectionStrings__RetailInsights.",
                e);
        }
    }

    private static string FirstLine(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is not null)
            innermost = innermost.InnerException;
        return innermost.Message.Split('\n')[0].TrimEnd('.');
    }
}
