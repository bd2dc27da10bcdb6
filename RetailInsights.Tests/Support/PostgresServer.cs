using Npgsql;

namespace RetailInsights.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: the throwaway cluster that ./test.sh starts on 127.0.0.1:55433, or the
/// server named by RETAILINSIGHTS_TEST_ADMIN_CONNECTION (a superuser connection; tests create their own databases).
/// </summary>
public static class PostgresServer
{
    public static string AdminConnectionString { get; } =
        Environment.GetEnvironmentVariable("RETAILINSIGHTS_TEST_ADMIN_CONNECTION") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public static async Task<NpgsqlConnection> OpenAdminConnectionAsync()
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"The tests need PostgreSQL at {AdminConnectionString} ({e.Message}). Run ./test.sh, which starts a " +
                "throwaway cluster, or set RETAILINSIGHTS_TEST_ADMIN_CONNECTION to a superuser connection string. ./test.sh --fast " +
                "starts none: a test that needs one is [Trait(\"Tier\", \"database\")].", e);
        }
    }
}
