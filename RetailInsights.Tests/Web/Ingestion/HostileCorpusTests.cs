using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Support.Hostile;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Ingestion;
using Xunit.Abstractions;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>Runs alone, so that the memory it measures is its own.</summary>
[CollectionDefinition(nameof(HostileCorpusCollection), DisableParallelization = true)]
public sealed class HostileCorpusCollection;

/// <summary>
/// Every file of the hostile corpus through the real intake and loader into the real database: each ends refused,
/// failed or loaded, within a time and memory bound, and the database holds all of a loaded file's facts or none.
/// </summary>
[Trait("Tier", "database")]
[Collection(nameof(HostileCorpusCollection))]
public sealed class HostileCorpusTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>What one file may take, however it is made: the slowest in CI stays well under it.</summary>
    private static readonly TimeSpan TimePerFile = TimeSpan.FromSeconds(20);

    /// <summary>What the process's working set may grow by while one file loads.</summary>
    private const long MemoryPerFile = 768L * 1024 * 1024;

    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private sealed record Run(string File, string Status, TimeSpan Time, long MemoryGrowth, string? Message);

    [Fact]
    public async Task EveryHostileFile_endsRefusedFailedOrLoaded_withinItsBounds_andNothingIsHalfKept()
    {
        var files = HostileCorpus.Write(Path.Combine(_pipeline.Folder, "corpus"));
        Assert.True(files.Count >= 300, $"{files.Count} files");
        // Bombs expand past this limit (below the default 2 GB, so the corpus runs in minutes, not hours).
        await using var services = _pipeline.IngestionServices(("Ingestion:MaxDecompressedBytes", (64L * 1024 * 1024).ToString()));
        var runs = new List<Run>();
        foreach (var file in files)
            runs.Add(await LoadAsync(services, file));

        output.WriteLine($"{runs.Count} files: " + string.Join(", ", runs.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}")));
        foreach (var run in runs.OrderByDescending(r => r.Time).Take(5))
            output.WriteLine($"slowest: {Path.GetFileName(run.File)} {run.Status} in {run.Time.TotalSeconds:F2} s: {run.Message}");
        foreach (var run in runs.OrderByDescending(r => r.MemoryGrowth).Take(5))
            output.WriteLine($"most memory: {Path.GetFileName(run.File)} +{run.MemoryGrowth / (1024 * 1024)} MB");
        var unbounded = runs.Where(r => r.Time > TimePerFile || r.MemoryGrowth > MemoryPerFile).ToList();
        Assert.True(unbounded.Count == 0, string.Join("\n", unbounded.Select(r =>
            $"{Path.GetFileName(r.File)}: {r.Time.TotalSeconds:F1} s, +{r.MemoryGrowth / (1024 * 1024)} MB")));
        Assert.Contains(runs, r => r.Status == UploadStatuses.Loaded);
        Assert.Contains(runs, r => r.Status == UploadStatuses.Refused);
        Assert.Contains(runs, r => Path.GetFileName(r.File).Contains("issue-21-gap-bomb") && r.Status == UploadStatuses.Refused
                                   && r.Time < TimeSpan.FromSeconds(5));
        Assert.Equal(0L, (await _pipeline.OrphanedFactsAsync()).Values.Sum());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>(
            "SELECT count(*) FROM uploads WHERE status NOT IN ('loaded', 'refused', 'failed')"));
    }

    private async Task<Run> LoadAsync(ServiceProvider services, string file)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<FileImporter>();
        using var sampler = new PeakMemory();
        var clock = Stopwatch.StartNew();
        var outcome = await importer.ImportAsync(file, new IntakeRequest("", "hostile corpus", DefaultStoreCode: "S1"), CancellationToken.None);
        var time = clock.Elapsed;
        var name = Path.GetFileName(file);

        Assert.True(outcome.Status is UploadStatuses.Loaded or UploadStatuses.Refused or UploadStatuses.Failed, $"{name}: {outcome.Status}");
        if (outcome.UploadId > 0)
        {
            var id = outcome.UploadId;
            Assert.Equal(outcome.Status, await _pipeline.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {id}"));
            var facts = await _pipeline.Database.ScalarAsync<long>(
                $"SELECT (SELECT count(*) FROM fact_sales WHERE upload_id = {id}) + (SELECT count(*) FROM refunds WHERE upload_id = {id})");
            Assert.True(facts == (outcome.Status == UploadStatuses.Loaded ? outcome.Accepted : 0),
                $"{name}: {outcome.Status} with {facts} facts kept of {outcome.Accepted} accepted");
        }
        return new Run(file, outcome.Status, time, sampler.Growth, outcome.Message);
    }

    /// <summary>The process's working set, sampled while a file loads: its growth over where it started.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly long _start = Environment.WorkingSet;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak;

        public PeakMemory()
        {
            _peak = _start;
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peak = Math.Max(_peak, Environment.WorkingSet);
                    await Task.Delay(5);
                }
            });
        }

        public long Growth
        {
            get
            {
                _peak = Math.Max(_peak, Environment.WorkingSet);
                return _peak - _start;
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
        }
    }
}
