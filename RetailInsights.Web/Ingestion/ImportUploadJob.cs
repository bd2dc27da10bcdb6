using Hangfire;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// The Hangfire job that loads one upload. A retry after a failure or a crash is safe: the load is one transaction,
/// and a finished upload is left as it is.
/// </summary>
public sealed class ImportUploadJob(UploadLoader loader, IEnumerable<IUploadLoadedObserver> observers)
{
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Load upload #{0}")]
    public Task RunAsync(long uploadId, CancellationToken cancellationToken) => LoadAsync(uploadId, cancellationToken);

    /// <summary>What the job does, for a job that takes in a file and must know how its load ended (a pull).</summary>
    public async Task<UploadOutcome> LoadAsync(long uploadId, CancellationToken cancellationToken)
    {
        var outcome = await loader.LoadAsync(uploadId, cancellationToken);
        if (outcome.Status == UploadStatuses.Loaded && outcome.Accepted > 0)
            foreach (var observer in observers)
                await observer.OnLoadedAsync(outcome, cancellationToken);
        return outcome;
    }
}
