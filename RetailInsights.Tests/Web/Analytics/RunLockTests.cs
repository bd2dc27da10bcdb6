using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Analytics;

namespace RetailInsights.Tests.Web.Analytics;

/// <summary>One analytics run at a time, whatever starts it; requests that waited for the same run are served by one.</summary>
[Trait("Tier", "database")]
public sealed class RunLockTests : IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        await _pipeline.ImportAsync(ReferenceData.Path("online-retail-sample", "daily", "2025-07-01_transactions.csv"), "--store", "ONLINE");
        _services = _pipeline.AnalyticsServices(("Analytics:MinSupport", "0.05"), ("Analytics:MaxItemsets", "100000"));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _pipeline.DisposeAsync();
    }

    private async Task InScopeAsync(Func<AnalyticsJob, Task> run)
    {
        await using var scope = _services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<AnalyticsJob>());
    }

    private Task<long> RunsAsync() => _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM analysis_runs");

    [Fact]
    public async Task TriggersWhileARunIsUnderWay_wait_andThoseForTheSameRunAreServedByOne()
    {
        // Another instance's run holds the lock.
        var held = await RunLock.AcquireAsync(_pipeline.Database.DataSource, CancellationToken.None);
        var daily = InScopeAsync(job => job.RunDailyAsync(CancellationToken.None));
        var manual = InScopeAsync(job => job.RunForAsync(null, "admin@test.local", CancellationToken.None));
        var afterUploads = InScopeAsync(job => job.RunAfterUploadsAsync(CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var runsWhileHeld = await RunsAsync();

        await held.DisposeAsync();
        await Task.WhenAll(daily, manual, afterUploads);

        Assert.Equal(0L, runsWhileHeld);
        Assert.Equal(1L, await RunsAsync());
        Assert.Equal("succeeded", await _pipeline.Database.ScalarAsync<string>("SELECT status FROM analysis_runs"));
    }

    [Fact]
    public async Task ABackFillAndTheDailyRunAtOnce_runOneAfterTheOther()
    {
        await Task.WhenAll(
            InScopeAsync(job => job.RunDailyAsync(CancellationToken.None)),
            InScopeAsync(job => job.RunForAsync("2025-07-01", "admin@test.local", CancellationToken.None)));

        Assert.Equal(2L, await RunsAsync());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("""
            SELECT count(*) FROM analysis_runs a JOIN analysis_runs b ON a.run_id < b.run_id
            WHERE a.started_at < b.finished_at AND b.started_at < a.finished_at
            """));
    }
}
