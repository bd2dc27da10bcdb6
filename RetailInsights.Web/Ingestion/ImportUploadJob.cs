using Hangfire;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// The Hangfire job that loads one upload. A retry after a failure or a crash is safe: the load is one transaction,
/// and a finished upload is left as it is.
/// </summary>
public sealed class ImportUploadJob(UploadLoader loader, IBackgroundJobClient jobs, Microsoft.Extensions.Options.IOptions<Analytics.AnalyticsOptions> analytics)
{
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Load upload #{0}")]
    public async Task RunAsync(long uploadId, CancellationToken cancellationToken)
    {
        var outcome = await loader.LoadAsync(uploadId, cancellationToken);
        // Fresh data, fresh insights: one run shortly after, which later uploads of the same batch share.
        if (outcome.Status == Data.Entities.UploadStatuses.Loaded && outcome.Accepted > 0)
            jobs.Schedule<Analytics.AnalyticsJob>(job => job.RunAfterUploadsAsync(CancellationToken.None),
                TimeSpan.FromSeconds(analytics.Value.AfterUploadDelaySeconds));
    }
}
