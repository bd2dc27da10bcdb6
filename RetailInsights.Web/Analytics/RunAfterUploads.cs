using Hangfire;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Web.Analytics;

/// <summary>Fresh data, fresh insights: one run shortly after uploads, which later uploads of the same batch share.</summary>
public sealed class RunAfterUploads(IBackgroundJobClient jobs, IOptions<AnalyticsOptions> options) : IUploadLoadedObserver
{
    public Task OnLoadedAsync(UploadOutcome outcome, CancellationToken cancellationToken)
    {
        jobs.Schedule<AnalyticsJob>(job => job.RunAfterUploadsAsync(CancellationToken.None),
            TimeSpan.FromSeconds(options.Value.AfterUploadDelaySeconds));
        return Task.CompletedTask;
    }
}
