using Hangfire;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Keeps the staging folder from only growing: removes the staged files of final uploads (failed ones after
/// <see cref="IngestionOptions.KeepFailedDays"/>), and files no upload names that are a day old (an intake that died
/// while the file streamed in).
/// </summary>
public sealed class StagingCleanupJob(UploadStorage storage, UploadsTable uploads, IOptions<IngestionOptions> options, TimeProvider clock,
    ILogger<StagingCleanupJob> logger)
{
    public const string RecurringJobId = "staging-cleanup";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task CleanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = 0;
        foreach (var (uploadId, path) in await uploads.StagedFilesDoneWithAsync(now.AddDays(-options.Value.KeepFailedDays), cancellationToken))
        {
            if (storage.IsStaged(path))
                File.Delete(path);
            await uploads.ForgetStagedFileAsync(uploadId, cancellationToken);
            removed++;
        }
        if (Directory.Exists(storage.StagingDirectory))
        {
            var named = await uploads.StagedPathsAsync(cancellationToken);
            foreach (var path in Directory.EnumerateFiles(storage.StagingDirectory))
            {
                if (named.Contains(path) || File.GetLastWriteTimeUtc(path) > now.AddDays(-1))
                    continue;
                File.Delete(path);
                removed++;
            }
        }
        if (removed > 0)
            logger.LogInformation("Staging clean-up removed {Count} files", removed);
    }
}
