using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Tests.Web.Infrastructure.Api;

/// <summary>
/// The contract integrators generate from: Kiota (a tool of the repository's manifest) writes a C# client from the
/// document the running app serves, and a small program uses that client unmodified against the app on a real port —
/// a file sent and followed to its end, sales and refunds posted, a refusal met as a typed error.
/// </summary>
[Trait("Tier", "database")]
public sealed class GeneratedClientTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ri-client-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private AppFactory _app = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await TestDatabase.CreateMigratedAsync();
        _app = new AppFactory(_database);
        _app.UseKestrel(0);
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AClientGeneratedFromTheServedDocument_sendsAFile_followsIt_andPostsSalesAndRefunds()
    {
        using var http = new HttpClient();
        await File.WriteAllTextAsync(Path.Combine(_folder, "openapi.json"), await http.GetStringAsync(_baseUrl + ApiDocuments.Path));
        string key;
        await using (var scope = _app.Services.CreateAsyncScope())
            (_, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("generated client", "test", CancellationToken.None);
        var template = Path.Combine(AppContext.BaseDirectory, "TestData", "generated-client");
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(_folder, "Program.cs"));
        File.Copy(Path.Combine(template, "Client.csproj"), Path.Combine(_folder, "Client.csproj"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "day.csv"),
            "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n" +
            "G1,P1,x,1,2025-07-01 10:00:00,2.5,1,UK,S1\nG2,P2,y,2,2025-07-01 11:00:00,1.5,2,UK,S1\n");

        await RunAsync(Repository.Root(), "tool", "restore");
        await RunAsync(Repository.Root(), "kiota", "generate", "-l", "CSharp", "-d", Path.Combine(_folder, "openapi.json"),
            "-o", Path.Combine(_folder, "gen"), "-c", "RetailInsightsClient", "-n", "RetailInsights.Generated");
        var output = await RunAsync(_folder, "run", "-c", "Release", "--", _baseUrl, key, Path.Combine(_folder, "day.csv"));

        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("upload queued", lines);
        Assert.Contains("loaded loaded 2", lines);
        Assert.Contains("sales 2 2 0", lines);
        Assert.Contains("refunds 1 1 0", lines);
        Assert.Contains("refused 400 No file part in the request.", lines);
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT count(*) FROM fact_sales WHERE invoice IN ('K-1', 'K-2')"));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM refunds WHERE refund_code = 'KR-1'"));
    }

    /// <summary>Runs the dotnet CLI (offline for Kiota: it checks for a newer version of itself otherwise).</summary>
    private static async Task<string> RunAsync(string folder, params string[] args)
    {
        var result = await BashScript.RunProcessAsync(new ProcessStartInfo("dotnet", args) { WorkingDirectory = folder },
            new Dictionary<string, string> { ["KIOTA_OFFLINE_ENABLED"] = "true", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" }, TimeSpan.FromMinutes(5));
        Assert.True(result.Exit == 0, $"dotnet {string.Join(' ', args)} exited {result.Exit}: {result.Output}\n{result.Error}");
        return result.Output;
    }
}
