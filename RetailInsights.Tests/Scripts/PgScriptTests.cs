using Npgsql;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Scripts;

/// <summary>
/// scripts/pg.sh hands the app the cluster it started: run.sh, bench.sh and test.sh take their connection strings
/// from `pg.sh connection`, so RI_PG_PORT moves the app with the cluster.
/// </summary>
[Trait("Tier", "database")]
public sealed class PgScriptTests(PgScriptCluster cluster) : IClassFixture<PgScriptCluster>
{
    [Fact]
    public async Task Connection_withRiPgPort_namesThatPortAndTheAppDatabase()
    {
        var result = await cluster.PgAsync(55450, "connection");

        var connection = new NpgsqlConnectionStringBuilder(result.Output.Trim());
        Assert.Equal(0, result.Exit);
        Assert.Equal(("127.0.0.1", 55450, "retailinsights", "retailinsights"),
            (connection.Host, connection.Port, connection.Database, connection.Username));
    }

    [Fact]
    public async Task Connection_ofAStartedCluster_reachesThatClusterAsTheAppRole()
    {
        var result = await cluster.PgAsync(cluster.Port, "connection");

        await using var connection = new NpgsqlConnection(result.Output.Trim());
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT inet_server_port(), current_database(), current_user", connection);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((cluster.Port, "retailinsights", "retailinsights"), (reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
    }

    [Fact]
    public async Task Start_whileRunningOnAnotherPort_failsNamingThePortItRunsOn()
    {
        var result = await cluster.PgAsync(PgScriptCluster.FreePort(), "start");

        Assert.Equal(1, result.Exit);
        Assert.Contains($"already running on 127.0.0.1:{cluster.Port}, not", result.Error);
    }

    [Fact]
    public async Task Reset_dropsTheAppDatabase_andCreatesItEmptyForTheAppRole()
    {
        var connectionString = await cluster.ConnectionStringAsync();
        await using (var before = new NpgsqlConnection(connectionString))
        {
            await before.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE from_before_reset (id int)", before);
            await create.ExecuteNonQueryAsync();
        }

        var result = await cluster.PgAsync(cluster.Port, "reset");

        NpgsqlConnection.ClearAllPools();
        await using var after = new NpgsqlConnection(connectionString);
        await after.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public'), pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = current_database()",
            after);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((0L, "retailinsights"), (reader.GetInt64(0), reader.GetString(1)));
        Assert.Equal(0, result.Exit);
        Assert.Contains("dropped and created empty", result.Error);
    }
}
