using Hangfire;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Picks up files that store systems drop into the inbox folder overnight: each goes through the intake like an
/// upload, then moves to inbox/processed (or inbox/refused when it could not be taken), so nothing is read twice.
/// </summary>
public sealed class DropFolderJob(UploadStorage storage, UploadIntake intake, ILogger<DropFolderJob> logger)
{
    public const string RecurringJobId = "drop-folder-scan";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        var inbox = storage.DropDirectory;
        if (!Directory.Exists(inbox))
        {
            Directory.CreateDirectory(inbox);
            return;
        }
        foreach (var path in FileImporter.ExpandPaths([inbox]))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A file still being written by its sender is left for the next scan.
            if (File.GetLastWriteTimeUtc(path) > DateTime.UtcNow.AddSeconds(-30))
                continue;
            string outcome;
            try
            {
                await using (var file = File.OpenRead(path))
                {
                    var result = await intake.AcceptAsync(file, new IntakeRequest(Path.GetFileName(path), "drop folder"), null,
                        enqueue: true, cancellationToken);
                    logger.LogInformation("Drop folder: {File}: {Message}", Path.GetFileName(path), result.Message);
                }
                outcome = "processed";
            }
            catch (UploadTooLargeException e)
            {
                logger.LogWarning("Drop folder: {File} refused: {Message}", Path.GetFileName(path), e.Message);
                outcome = "refused";
            }
            var target = Path.Combine(inbox, outcome);
            Directory.CreateDirectory(target);
            File.Move(path, Path.Combine(target, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Path.GetFileName(path)}"), overwrite: true);
        }
    }
}
