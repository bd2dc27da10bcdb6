using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Loads files from disk synchronously through the same intake and loader as the upload page: the import command,
/// demo data and back-fills. Dimension files go first, so facts find their stores and products described.
/// </summary>
public sealed class FileImporter(UploadIntake intake, UploadLoader loader, UploadsTable uploads)
{
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths) => paths
        .SelectMany(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(UploadFileTypes.IsUploadFile)
            : [path])
        .OrderBy(LoadWave)
        .ThenBy(p => Path.GetFileName(p), StringComparer.Ordinal)
        .ToList();

    public async Task<UploadOutcome> ImportAsync(string path, IntakeRequest request, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return Refused(path, $"No such file: {path}");
        IntakeResult accepted;
        await using (var file = File.OpenRead(path))
        {
            try
            {
                accepted = await intake.AcceptAsync(file, request with { FileName = Path.GetFileName(path) }, null, enqueue: false, cancellationToken);
            }
            catch (Exception e) when (e is UploadTooLargeException or IntakeRequestException)
            {
                return Refused(path, e.Message);
            }
        }
        if (accepted.State == IntakeState.AlreadyLoaded)
            return new UploadOutcome(accepted.UploadId, Path.GetFileName(path), "already_loaded", "", 0, 0, 0, 0, 0,
                new Dictionary<string, long>(), accepted.Message, 0);
        try
        {
            return await loader.LoadAsync(accepted.UploadId, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // This process is the upload's only loader: when it gives up, the upload ends failed with the reason
            // (an interrupted import, by contrast, stays unfinished and the next import of the file resumes it).
            await uploads.FailAsync(accepted.UploadId, $"The load stopped with an error: {e.Message} Nothing of the file was loaded.",
                CancellationToken.None);
            return new UploadOutcome(accepted.UploadId, Path.GetFileName(path), Data.Entities.UploadStatuses.Failed, UploadKinds.Unknown,
                0, 0, 0, 0, 0, new Dictionary<string, long>(), e.Message, 0);
        }
    }

    private static UploadOutcome Refused(string path, string message) =>
        new(0, Path.GetFileName(path), UploadStatuses.Refused, UploadKinds.Unknown, 0, 0, 0, 0, 0, new Dictionary<string, long>(), message, 0);


    /// <summary>Stores (0) and catalogs (1) before transactions (2) and refunds (3), going by the file name.</summary>
    public static int LoadWave(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name.Contains("store") ? 0 : name.Contains("catalog") || name.Contains("product") ? 1 : name.Contains("refund") ? 3 : 2;
    }
}
