using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Npgsql;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Infrastructure.Health;
using Microsoft.Extensions.DependencyInjection;

namespace RetailInsights.Tests.Web.Infrastructure.Health;

/// <summary>/healthz and the healthcheck command the container runs, against a real server on loopback.</summary>
[Trait("Tier", "database")]
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_databaseAndJobStorageAnswer_200ForAnonymous_andTheCommandExits0()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database);
        var server = app.Start();
        using var client = CookieClient.Connecting(server, IPAddress.Loopback);

        var response = await client.GetAsync("/healthz");
        var (exit, output) = await HealthcheckAsync(new Uri(server, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, exit);
        Assert.Contains("200 Healthy", output);
    }

    [Fact]
    public async Task Healthz_jobStorageGone_503SayingNoMore_andTheCommandExits1()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database);
        var server = app.Start();
        using var client = CookieClient.Connecting(server, IPAddress.Loopback);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await database.ExecuteAsync("DROP SCHEMA hangfire CASCADE");
        await Task.Delay(HealthAnswer.CacheFor); // the answer before is kept a second

        var response = await client.GetAsync("/healthz");
        var (exit, _) = await HealthcheckAsync(new Uri(server, "/healthz"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Healthz_databaseRefusesConnections_503()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database);
        using var client = CookieClient.Connecting(app.Start(), IPAddress.Loopback);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await using (var admin = await PostgresServer.OpenAdminConnectionAsync())
        {
            await using var refuse = new NpgsqlCommand(
                $"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS false; " +
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database.Name}'", admin);
            await refuse.ExecuteNonQueryAsync();
        }
        await Task.Delay(HealthAnswer.CacheFor);

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_aBurstOf50_asksTheDatabaseAtMostThreeTimes_andPastTheLimitAnswers429()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database, new Dictionary<string, string?> { ["RateLimits:HealthPerMinute"] = "50" });
        var server = app.Start();
        var answer = app.Services.GetRequiredService<HealthAnswer>();
        using var client = CookieClient.Connecting(server, IPAddress.Loopback);
        var before = answer.ChecksRun;

        var burst = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync("/healthz")));
        var checks = answer.ChecksRun - before;
        var past = await client.GetAsync("/healthz");
        using var otherAddress = CookieClient.Connecting(server, IPAddress.Parse("127.0.0.2"));
        var fromElsewhere = await otherAddress.GetAsync("/healthz");

        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // One check for the burst, or a few when it spans a second on a busy machine; without the cache, 50.
        Assert.InRange(checks, 1, 3);
        Assert.Equal(HttpStatusCode.TooManyRequests, past.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
    }

    [Fact]
    public async Task HealthcheckCommand_nothingListening_exits1()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port that was just free: nothing answers there

        var (exit, output) = await HealthcheckAsync(new Uri($"http://127.0.0.1:{port}/healthz"));

        Assert.Equal(1, exit);
        Assert.Contains("no answer", output);
    }

    private static async Task<(int Exit, string Output)> HealthcheckAsync(Uri url)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["healthcheck", "--url", url.ToString(), "--timeout", "30"], output, output,
            new ConfigurationBuilder().Build(), "Production");
        return (exit, output.ToString());
    }
}
