using Hangfire;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>
/// The Hangfire job that pulls one source, on its schedule or when an admin says "Pull now". Its upload loads as an
/// upload job's does (the analytics follow new data); a failed pull is recorded on the endpoint and shown on the Data
/// quality page, and the next scheduled pull is its retry — within a pull, requests already retry with back-off.
/// </summary>
public sealed class PullJob(SourcePuller puller, ImportUploadJob imports, PullSchedules schedules)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Pull source {0}")]
    public async Task RunAsync(string code, CancellationToken cancellationToken)
    {
        var outcome = await puller.PullAsync(code, imports.LoadAsync, cancellationToken);
        // A schedule outlived its endpoint (removed while the app was down): it goes.
        if (outcome.Status == PullStatuses.NoEndpoint)
            schedules.Remove(code);
    }
}
