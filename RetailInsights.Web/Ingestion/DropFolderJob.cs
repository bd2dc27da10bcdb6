using Hangfire;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Picks up files that store systems drop into the inbox folder overnight: each goes through the intake like an
/// upload, then moves to processed (or refused when it could not be taken), so nothing is read twice. A file in
/// inbox/&lt;source&gt;/ comes from that source system and is read with its mapping; a folder naming no known source
/// is left as it is (and logged) until an admin adds the source, so nothing in it is lost.
/// </summary>
public sealed class DropFolderJob(UploadStorage storage, UploadIntake intake, ILogger<DropFolderJob> logger)
{
    public const string RecurringJobId = "drop-folder-scan";

    private static readonly string[] OwnFolders = ["processed", "refused"];

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
        await ScanFolderAsync(inbox, null, cancellationToken);
        foreach (var folder in Directory.EnumerateDirectories(inbox).Order(StringComparer.Ordinal))
        {
            var source = Path.GetFileName(folder);
            if (!OwnFolders.Contains(source, StringComparer.OrdinalIgnoreCase))
                await ScanFolderAsync(folder, source, cancellationToken);
        }
    }

    private async Task ScanFolderAsync(string folder, string? source, CancellationToken cancellationToken)
    {
        foreach (var path in FileImporter.ExpandPaths([folder]))
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
                    var request = new IntakeRequest(Path.GetFileName(path), source is null ? "drop folder" : $"drop folder ({source})", Source: source);
                    var result = await intake.AcceptAsync(file, request, null, enqueue: true, cancellationToken);
                    logger.LogInformation("Drop folder: {File}: {Message}", Path.GetFileName(path), result.Message);
                }
                outcome = "processed";
            }
            catch (IntakeRequestException e) when (e.Problem.Field == "source")
            {
                logger.LogWarning("Drop folder: {Folder} names no known source, its files wait there: {Message}", folder, e.Message);
                return;
            }
            catch (Exception e) when (e is UploadTooLargeException or IntakeRequestException)
            {
                logger.LogWarning("Drop folder: {File} refused: {Message}", Path.GetFileName(path), e.Message);
                outcome = "refused";
            }
            var target = Path.Combine(folder, outcome);
            Directory.CreateDirectory(target);
            File.Move(path, Path.Combine(target, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Path.GetFileName(path)}"), overwrite: true);
        }
    }
}
