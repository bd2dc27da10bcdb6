using System.Diagnostics;
using System.Net;
using Npgsql;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Deployment;

/// <summary>
/// The compose file's database set-up, run for real against the test server: the init script that the postgres image
/// runs makes a role that is no superuser, and the app on that role still migrates, creates Hangfire's schema and
/// answers healthy.
/// </summary>
[Trait("Tier", "database")]
public sealed class DatabaseRoleTests
{
    [Fact]
    public async Task InitScript_makesALeastPrivilegeOwner_thatTheAppMigratesAndRunsAs()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var (role, databaseName) = ($"ri_app_{suffix}", $"ri_deploy_{suffix}");
        try
        {
            var (exit, output) = await RunInitScriptAsync(role, databaseName);
            Assert.True(exit == 0, output);

            var asTheApp = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionStringFor(databaseName))
            {
                Username = role,
                Password = "app-password-from-the-environment",
            }.ConnectionString;
            await using (var app = new ProductionAppFactory(asTheApp))
            {
                using var client = CookieClient.Connecting(app.Start(), IPAddress.Loopback);
                var health = await client.GetAsync("/healthz");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            await using var admin = await PostgresServer.OpenAdminConnectionAsync();
            Assert.Equal("f f f f", await ScalarAsync(admin,
                $"SELECT concat_ws(' ', rolsuper, rolcreatedb, rolcreaterole, rolreplication) FROM pg_roles WHERE rolname = '{role}'"));
            Assert.Equal(role, await ScalarAsync(admin,
                $"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '{databaseName}'"));
            await using var appDatabase = new NpgsqlConnection(PostgresServer.ConnectionStringFor(databaseName));
            await appDatabase.OpenAsync();
            Assert.Equal(role, await ScalarAsync(appDatabase,
                "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname IN ('public', 'hangfire')"));
            Assert.Equal("True", await ScalarAsync(appDatabase,
                "SELECT count(*) > 0 FROM pg_tables WHERE schemaname = 'hangfire'"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = await PostgresServer.OpenAdminConnectionAsync();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
            await ExecuteAsync(admin, $"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    // As the postgres image runs it: bash, psql on the PATH, the superuser and the passwords in the environment.
    private static async Task<(int Exit, string Output)> RunInitScriptAsync(string role, string databaseName)
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString);
        var script = Path.Combine(RepositoryRoot(), "deploy", "postgres-init", "10-app-role.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["POSTGRES_USER"] = server.Username;
        start.Environment["POSTGRES_DB"] = server.Database;
        start.Environment["RETAILINSIGHTS_DB_PASSWORD"] = "app-password-from-the-environment";
        start.Environment["RETAILINSIGHTS_DB_USER"] = role;
        start.Environment["RETAILINSIGHTS_DB_NAME"] = databaseName;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RetailInsights.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException($"No RetailInsights.sln above {AppContext.BaseDirectory}");
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
