using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RetailInsights.Web.Data;

/// <summary>The one place that says how the app talks to PostgreSQL, shared by the app, commands and tools.</summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "RetailInsights";

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    public static string GetConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : throw new DatabaseUnavailableException(
                $"ConnectionStrings:{ConnectionStringName} is not set; set it (environment ConnectionStrings__{ConnectionStringName}) or run ./run.sh for the local database.");

    /// <summary>
    /// Refuses a database migrated before the schema baseline (its history names migrations this build does not have),
    /// which migrating would otherwise meet as "relation already exists".
    /// </summary>
    public static async Task EnsureMigratableAsync(RetailInsightsDbContext db, CancellationToken cancellationToken = default)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
            throw new DatabaseUnavailableException(
                $"The database at {Describe(db.Database.GetConnectionString() ?? "")} was built by migrations this version does not have " +
                $"({unknown.Count}, e.g. {unknown[0]}): it predates the schema baseline. Rebuild a development database with ./run.sh --reset.");
    }

    /// <summary>Describes where a connection string points without revealing its password.</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port} (database {b.Database}, user {b.Username})";
    }
}
