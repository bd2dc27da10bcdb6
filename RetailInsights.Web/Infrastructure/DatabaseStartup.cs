using Microsoft.EntityFrameworkCore;
using Npgsql;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Infrastructure;

public static class DatabaseStartup
{
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
