using Microsoft.Extensions.Configuration;
using Npgsql;
using RetailInsights.Core.Generation;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>PostgreSQL restarted in the middle of an import (its own cluster, so no other test notices): the load is tried again and every row lands once.</summary>
[Trait("Tier", "database")]
public sealed class DatabaseRestartTests(PgScriptCluster cluster) : IClassFixture<PgScriptCluster>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ri-restart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<IConfiguration> ConfigurationAsync() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:RetailInsights"] = await cluster.ConnectionStringAsync(),
        ["Ingestion:StagingPath"] = Path.Combine(_folder, "staging"),
    }).Build();

    private async Task<T> ScalarAsync<T>(string sql)
    {
        // A connection of its own each time: the pool's die with the server.
        var builder = new NpgsqlConnectionStringBuilder(await cluster.ConnectionStringAsync()) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task RestartMidImport_theLoadIsTriedAgain_andEveryRowIsCountedOnce()
    {
        var configuration = await ConfigurationAsync();
        Assert.Equal(0, await CommandLine.RunAsync(["migrate"], TextWriter.Null, TextWriter.Null, configuration));
        var generated = Path.Combine(_folder, "day");
        new DemoDataGenerator().Generate(new GeneratorOptions { Days = 1, EndDate = new DateOnly(2025, 7, 1), InvoicesPerDay = 50_000, Customers = 20_000 }, generated);
        var file = Directory.GetFiles(generated, "transactions_*.csv").Single();
        var rows = SimpleCsv.Read(file).Rows;
        var (sales, returns) = (rows.Count(r => !r["Invoice"].StartsWith('C')), rows.Count(r => r["Invoice"].StartsWith('C')));

        var output = new StringWriter();
        var import = Task.Run(() => CommandLine.RunAsync(["import", file], output, output, configuration));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!import.IsCompleted && await ScalarAsync<long>("SELECT count(*) FROM uploads WHERE status IN ('parsing', 'loading')") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the import never started loading");
            await Task.Delay(20);
        }
        Assert.False(import.IsCompleted, "the import finished before the restart: " + output);
        await cluster.RestartAsync();
        var exit = await import;

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("\"status\":\"loaded\"", output.ToString());
        Assert.Equal("loaded", await ScalarAsync<string>("SELECT string_agg(status, ',') FROM uploads"));
        Assert.Equal((long)sales, await ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        Assert.Equal((long)returns, await ScalarAsync<long>("SELECT count(*) FROM refunds"));
        Assert.Equal((long)rows.Count, await ScalarAsync<long>("SELECT rows_read FROM uploads"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT rows_duplicate FROM uploads"));
    }
}
