using Hangfire;
using Npgsql;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// The analytics runs Hangfire performs: the daily run, the run that follows uploads (coalesced: several uploads in
/// a row lead to one run), and re-runs or back-fills for a chosen day. One run at a time across all of them, and across
/// app instances: the runner holds a database lock (see <see cref="RunLock"/>), so no job needs Hangfire's own lock.
/// </summary>
public sealed class AnalyticsJob(AnalyticsRunner runner, NpgsqlDataSource dataSource)
{
    public const string RecurringJobId = "analytics-daily";

    [AutomaticRetry(Attempts = 1)]
    [JobDisplayName("Analytics run (daily)")]
    public Task RunDailyAsync(CancellationToken cancellationToken) =>
        runner.RunAsync(new AnalyticsRequest("daily schedule"), cancellationToken);

    /// <summary>Skipped when a run that started after the latest upload finished has already succeeded.</summary>
    [AutomaticRetry(Attempts = 1)]
    [JobDisplayName("Analytics run (after uploads)")]
    public async Task RunAfterUploadsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT EXISTS ({LatestRun.Where($"started_at >= (SELECT max(finished_at) FROM uploads WHERE status = '{UploadStatuses.Loaded}')")})
            """);
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
            return;
        await runner.RunAsync(new AnalyticsRequest("after uploads"), cancellationToken);
    }

    /// <summary>A re-run or back-fill: as of the given day (yyyy-MM-dd), or the default day when empty.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Analytics run as of {0} (by {1})")]
    public Task RunForAsync(string? asOf, string requestedBy, CancellationToken cancellationToken) =>
        runner.RunAsync(new AnalyticsRequest(requestedBy, string.IsNullOrWhiteSpace(asOf) ? null : DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)),
            cancellationToken);
}
