using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Data;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Sources;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>The inbox scan takes each settled file through the intake once and moves it out of the inbox.</summary>
[Trait("Tier", "database")]
public sealed class DropFolderJobTests : IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        var services = new ServiceCollection();
        services.AddSingleton(_pipeline.Configuration(("Ingestion:DropFolder", Path.Combine(_pipeline.Folder, "inbox"))));
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

    [Fact]
    public async Task Scan_queuesSettledFiles_movesThemToProcessed_andLeavesFreshOnesForLater()
    {
        var inbox = Path.Combine(_pipeline.Folder, "inbox");
        Directory.CreateDirectory(inbox);
        var settled = Path.Combine(inbox, "store-7.csv");
        var fresh = Path.Combine(inbox, "still-writing.csv");
        await File.WriteAllTextAsync(settled, "Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01,2\n");
        await File.WriteAllTextAsync(fresh, "Invoice,StockCode,Quantity,InvoiceDate,Price\n2,A,1,2025-07-01,2\n");
        File.SetLastWriteTimeUtc(settled, DateTime.UtcNow.AddMinutes(-5));

        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DropFolderJob>().ScanAsync(CancellationToken.None);

        Assert.False(File.Exists(settled));
        Assert.True(File.Exists(fresh));
        Assert.Single(Directory.GetFiles(Path.Combine(inbox, "processed"), "*-store-7.csv"));
        Assert.Equal("store-7.csv|queued|drop folder", await _pipeline.Database.ScalarAsync<string>(
            "SELECT file_name || '|' || status || '|' || uploaded_by FROM uploads"));
        Assert.Equal(1L, await _pipeline.Database.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ImportUploadJob%'"));
    }
}
