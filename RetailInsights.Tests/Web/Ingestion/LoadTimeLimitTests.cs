using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Support.Hostile;
using RetailInsights.Web.Ingestion;
using static RetailInsights.Tests.Support.Hostile.RawWorkbook;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>A load past Ingestion:MaxLoadMinutes stops where it is, ends failed saying why, and frees its worker.</summary>
[Trait("Tier", "database")]
public sealed class LoadTimeLimitTests : IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    [Fact]
    public async Task ALoadPastItsTimeLimit_endsFailedWithTheReason_andTheNextFileLoads()
    {
        // A billion blank cells, allowed by a raised cell limit: only the clock stops it.
        var slow = Path.Combine(_pipeline.Folder, "slow.xlsx");
        RawWorkbook.Write(slow, [("Sheet1", Sheet(SalesHeader().Replace("</row>", "<c r=\"AMJ1\"/></row>") + SaleRow(1_000_000)))]);
        var next = _pipeline.Write("next.csv", HostileCorpus.GoodCsv(7));
        await using var services = _pipeline.IngestionServices(("Ingestion:MaxLoadMinutes", "0.03"), ("Ingestion:MaxExcelCells", "100000000000"));
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<FileImporter>();

        var clock = Stopwatch.StartNew();
        var stopped = await importer.ImportAsync(slow, new IntakeRequest("", "test"), CancellationToken.None);
        var stoppedAfter = clock.Elapsed;
        var loaded = await importer.ImportAsync(next, new IntakeRequest("", "test"), CancellationToken.None);

        Assert.Equal("failed", stopped.Status);
        Assert.Contains("took longer than 0.03 minutes (Ingestion:MaxLoadMinutes) and was stopped; nothing of the file was loaded", stopped.Message);
        Assert.InRange(stoppedAfter, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(10));
        Assert.Equal("failed", await _pipeline.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {stopped.UploadId}"));
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>($"SELECT count(*) FROM fact_sales WHERE upload_id = {stopped.UploadId}"));
        Assert.Equal(("loaded", 5L), (loaded.Status, loaded.Accepted));
    }
}
