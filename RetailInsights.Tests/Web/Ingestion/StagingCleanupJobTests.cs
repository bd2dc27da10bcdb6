using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>The staging folder does not only grow: final uploads' files go, failed ones after a week, strays after a day.</summary>
[Trait("Tier", "database")]
public sealed class StagingCleanupJobTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private readonly PipelineFixture _pipeline = new();

    private string Staging => Path.Combine(_pipeline.Folder, "staging");

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private async Task CleanAsync()
    {
        await using var services = _pipeline.IngestionServices();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StagingCleanupJob>().CleanAsync(CancellationToken.None);
    }

    [Fact]
    public async Task LoadedAndRefusedFiles_goAtOnce_failedOnesStayForAnAdmin()
    {
        await _pipeline.ImportAsync(_pipeline.Write("good.csv", Header + "1,A,x,1,2025-07-01 10:00,1.00,C1,UK,S1\n"));
        await _pipeline.ImportAsync(_pipeline.Write("binary.csv", "\0\0\0\0"));
        await _pipeline.ImportAsync(_pipeline.Write("wrong.csv", Header + "1,A,x,lots,2025-07-01 10:00,1.00,C1,UK,S1\n"));

        Assert.Equal("failed:wrong.csv", await _pipeline.Database.ScalarAsync<string>(
            "SELECT string_agg(status || ':' || file_name, ',') FROM uploads WHERE staged_path IS NOT NULL"));
        Assert.Single(Directory.GetFiles(Staging), path => path.EndsWith("wrong.csv"));
        Assert.Single(Directory.GetFiles(Staging));
    }

    [Fact]
    public async Task CleanUp_removesFailedFilesPastTheirWeek_andStraysADayOld_andKeepsTheRest()
    {
        await _pipeline.ImportAsync(_pipeline.Write("old-wrong.csv", Header + "1,A,x,lots,2025-07-01 10:00,1.00,C1,UK,S1\n"));
        await _pipeline.ImportAsync(_pipeline.Write("new-wrong.csv", Header + "2,A,x,lots,2025-07-01 10:00,1.00,C1,UK,S1\n"));
        await _pipeline.Database.ExecuteAsync("UPDATE uploads SET finished_at = now() - interval '8 days' WHERE file_name = 'old-wrong.csv'");
        var oldStray = Path.Combine(Staging, "0000-died-mid-upload.csv");
        var newStray = Path.Combine(Staging, "0000-arriving.csv");
        var outside = _pipeline.Write("not-staged.csv", "keep me");
        foreach (var path in new[] { oldStray, newStray })
            await File.WriteAllTextAsync(path, "partial");
        File.SetLastWriteTimeUtc(oldStray, DateTime.UtcNow.AddDays(-2));
        File.SetLastWriteTimeUtc(outside, DateTime.UtcNow.AddDays(-30));
        var oldStaged = await _pipeline.Database.ScalarAsync<string>("SELECT staged_path FROM uploads WHERE file_name = 'old-wrong.csv'");

        await CleanAsync();

        Assert.False(File.Exists(oldStaged));
        Assert.False(File.Exists(oldStray));
        Assert.True(File.Exists(newStray));
        Assert.True(File.Exists(outside));
        Assert.Equal("new-wrong.csv", await _pipeline.Database.ScalarAsync<string>(
            "SELECT string_agg(file_name, ',') FROM uploads WHERE staged_path IS NOT NULL"));
        Assert.True(File.Exists(await _pipeline.Database.ScalarAsync<string>("SELECT staged_path FROM uploads WHERE file_name = 'new-wrong.csv'")));
    }
}
