using Hangfire;
using RetailInsights.Web.Admin.Audit;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Web.Ingestion;

/// <summary>What the uploader says about a file besides its bytes.</summary>
public sealed record IntakeRequest(
    string FileName,
    string UploadedBy,
    string? Kind = null,
    string? DefaultStoreCode = null,
    string? DateOrder = null,
    string RetailerCode = "default");

public enum IntakeState
{
    /// <summary>A new upload, waiting for (or given to) its job.</summary>
    Queued,

    /// <summary>The same content was loaded before: nothing changes.</summary>
    AlreadyLoaded,

    /// <summary>The same content is being loaded by an earlier upload, which carries on.</summary>
    InProgress,
}

public sealed record IntakeResult(long UploadId, IntakeState State, string Message);

/// <summary>
/// The one door for files — the upload page, the API, the import command and the drop folder: stream to disk,
/// answer a file already loaded without touching anything, otherwise record the upload and hand it to a job.
/// </summary>
public sealed class UploadIntake(UploadStorage storage, UploadsTable uploads, AuditLog audit, IBackgroundJobClient? jobs = null)
{
    /// <param name="enqueue">False for the import command, which loads synchronously in its own process.</param>
    public async Task<IntakeResult> AcceptAsync(Stream content, IntakeRequest request, IProgress<long>? progress, bool enqueue,
        CancellationToken cancellationToken)
    {
        var staged = await storage.StageAsync(content, request.FileName, progress, cancellationToken);
        if (await uploads.FindLoadedAsync(staged.Sha256, cancellationToken) is { } loaded)
        {
            File.Delete(staged.Path);
            return new IntakeResult(loaded.UploadId, IntakeState.AlreadyLoaded, loaded.Message);
        }
        if (await FindUnfinishedAsync(staged, cancellationToken) is { } unfinished)
        {
            if (enqueue)
                Enqueue(unfinished);
            return new IntakeResult(unfinished, IntakeState.InProgress,
                $"The same file is already being loaded as upload #{unfinished}; it carries on.");
        }

        var uploadId = await uploads.InsertQueuedAsync(new NewUpload(staged.OriginalName, staged.SizeBytes, staged.Sha256, staged.Path,
            request.UploadedBy, request.Kind, NullIfBlank(request.DefaultStoreCode), request.DateOrder, request.RetailerCode),
            cancellationToken);
        await audit.RecordAsync(request.UploadedBy, AuditActions.Upload, $"upload #{uploadId} {staged.OriginalName}",
            $"{staged.SizeBytes:N0} bytes", cancellationToken);
        if (enqueue)
            Enqueue(uploadId);
        return new IntakeResult(uploadId, IntakeState.Queued, $"Queued as upload #{uploadId}.");
    }

    private void Enqueue(long uploadId) =>
        (jobs ?? throw new InvalidOperationException("No job client: this process loads uploads synchronously."))
            .Enqueue<ImportUploadJob>(job => job.RunAsync(uploadId, CancellationToken.None));

    // An upload of the same content that never finished (a crash, a killed import) is resumed, not duplicated.
    private async Task<long?> FindUnfinishedAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        if (await uploads.FindUnfinishedAsync(staged.Sha256, cancellationToken) is not { } unfinished)
            return null;
        var (uploadId, stagedPath) = unfinished;
        if (stagedPath is not null && File.Exists(stagedPath))
        {
            File.Delete(staged.Path);
            return uploadId;
        }
        await uploads.AttachStagedFileAsync(uploadId, staged.Path, cancellationToken);
        return uploadId;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
