using Hangfire.States;
using Hangfire.Storage;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// When Hangfire gives up on a load (its last retry failed: an I/O error, a full disk, a database that went away), the
/// upload is marked failed with the reason, so it never stays "loading" for ever and the pages stop waiting for it.
/// </summary>
public sealed class UploadJobFailedFilter(UploadsTable uploads, ILogger<UploadJobFailedFilter> logger) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is not FailedState failed || context.BackgroundJob.Job is not { } job
            || job.Type != typeof(ImportUploadJob) || job.Args.Count == 0 || job.Args[0] is not long uploadId)
            return;
        var message = $"The load stopped with an error and was given up after its retries: {failed.Exception.Message} " +
            "Nothing of the file was loaded; an admin can retry it from the Uploads page.";
        logger.LogError(failed.Exception, "Upload #{Id}: load given up", uploadId);
        // Hangfire's filters are synchronous; this runs on a worker thread, never on a request.
        uploads.FailAsync(uploadId, message, CancellationToken.None).GetAwaiter().GetResult();
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
