using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Security;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Live;

/// <summary>The POS simulator against the real app on a real port: what it says was acknowledged is what the database holds.</summary>
[Trait("Tier", "database")]
public sealed class SimulateCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _app = new AppFactory(_database);
        _app.UseKestrel(0);
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Simulate_postsSalesAndRefunds_andEveryAcknowledgedEventIsInTheDatabase()
    {
        var url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
        string key;
        await using (var scope = _app.Services.CreateAsyncScope())
            (_, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("simulator", "test", CancellationToken.None);
        var output = new StringWriter();

        var exit = await CommandLine.RunAsync(["simulate", "--url", url, "--api-key", key, "--rate", "300", "--minutes", "0.15",
            "--refund-share", "0.2"], output, output);

        Assert.True(exit == 0, output.ToString());
        var result = JsonDocument.Parse(output.ToString().Trim().Split('\n')[^1]).RootElement;
        var acknowledged = result.GetProperty("acknowledged").GetInt64();
        Assert.True(acknowledged > 1000, output.ToString());
        Assert.Equal(result.GetProperty("sent").GetInt64(), acknowledged + result.GetProperty("rejected").GetInt64());
        Assert.Equal(acknowledged, await _database.ScalarAsync<long>("SELECT count(*) FROM live_events"));
        Assert.Equal(acknowledged, await _database.ScalarAsync<long>("SELECT (SELECT count(*) FROM fact_sales) + (SELECT count(*) FROM refunds)"));
        Assert.True(await _database.ScalarAsync<long>("SELECT count(*) FROM refunds") > 0);
        Assert.True(result.GetProperty("p99_ms").GetDouble() > 0);
    }
}
