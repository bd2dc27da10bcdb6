using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RetailInsights.Web.Infrastructure.Health;

/// <summary>
/// The checks' last answer, kept for <see cref="CacheFor"/>: however many probes arrive, the database is asked at most
/// once a second, and probes arriving while it is asked wait for that one answer.
/// </summary>
public sealed class HealthAnswer(HealthCheckService checks, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<HealthStatus>? _answer;
    private DateTimeOffset _answeredAt;
    private long _checksRun;

    /// <summary>How many times the checks ran (each asks the database and Hangfire's storage).</summary>
    public long ChecksRun => Interlocked.Read(ref _checksRun);

    public Task<HealthStatus> GetAsync()
    {
        lock (_gate)
        {
            if (_answer is null || (_answer.IsCompleted && clock.GetUtcNow() - _answeredAt >= CacheFor))
                _answer = CheckAsync();
            return _answer;
        }
    }

    // Not cancelled with the probe that started it: the others wait for the same answer; each check has its timeout.
    private async Task<HealthStatus> CheckAsync()
    {
        Interlocked.Increment(ref _checksRun);
        var report = await checks.CheckHealthAsync(CancellationToken.None);
        lock (_gate)
            _answeredAt = clock.GetUtcNow();
        return report.Status;
    }
}
