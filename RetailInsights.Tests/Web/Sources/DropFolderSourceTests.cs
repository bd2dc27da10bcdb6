using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Data;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Ingestion.Loading;
using RetailInsights.Web.Sources;

namespace RetailInsights.Tests.Web.Sources;

/// <summary>The folder inbox/&lt;source&gt;/ on a folder and database of the test's own: its files are read with the source's mapping.</summary>
[Trait("Tier", "database")]
public sealed class DropFolderSourceTests : IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();
    private ServiceProvider _services = null!;

    private string Inbox => Path.Combine(_pipeline.Folder, "inbox");

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        var services = new ServiceCollection();
        services.AddSingleton(_pipeline.Configuration(("Ingestion:DropFolder", Inbox)));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _pipeline.Folder });
        services.AddLogging();
        services.AddRetailInsightsData();
        services.AddIngestion();
        services.AddSources();
        services.AddHangfire((provider, c) => c.UseHostBoundLogging(provider).UsePostgreSqlStorage(o => o.UseNpgsqlConnection(_pipeline.Database.ConnectionString),
            new PostgreSqlStorageOptions { SchemaName = HangfireRegistration.Schema, PrepareSchemaIfNecessary = true }));
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _pipeline.DisposeAsync();
    }

    private string Drop(string folder, string name, string content)
    {
        var path = Path.Combine(Inbox, folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        return path;
    }

    [Fact]
    public async Task Scan_readsASourcesFolderWithItsMapping_andLeavesAFolderOfNoKnownSourceAlone()
    {
        await using var scope = _services.CreateAsyncScope();
        var source = await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync("franchise", new SourceChange
        {
            MapColumns = new Dictionary<string, string> { ["sold_at"] = "InvoiceDate", ["member_no"] = "Customer ID" },
            DateOrder = "day-first",
            DecimalSeparator = ",",
        }, "test", CancellationToken.None);
        var known = Drop("franchise", "day-1.csv", SourceFiles.Franchise);
        var unknown = Drop("not-a-source", "day-1.csv", SourceFiles.Franchise);

        await scope.ServiceProvider.GetRequiredService<DropFolderJob>().ScanAsync(CancellationToken.None);
        var id = await _pipeline.Database.ScalarAsync<long>("SELECT upload_id FROM uploads");
        // What the queued job does, here without a job server.
        var outcome = await scope.ServiceProvider.GetRequiredService<UploadLoader>().LoadAsync(id, CancellationToken.None);

        Assert.False(File.Exists(known));
        Assert.Single(Directory.GetFiles(Path.Combine(Inbox, "franchise", "processed"), "*-day-1.csv"));
        Assert.True(File.Exists(unknown));
        Assert.Equal(("loaded", 5L, 1L), (outcome.Status, outcome.Accepted, outcome.Rejected));
        Assert.Equal($"franchise|{source.Version}|drop folder (franchise)", await _pipeline.Database.ScalarAsync<string>(
            "SELECT retailer_code || '|' || mapping_version || '|' || uploaded_by FROM uploads"));
        Assert.Equal(1L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }
}
