using Hangfire;
using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Security;
using RetailInsights.Web.Ingestion.Loading;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion;

/// <summary>What the uploader says about a file besides its bytes.</summary>
public sealed record IntakeRequest(
    string FileName,
    string UploadedBy,
    string? Kind = null,
    string? DefaultStoreCode = null,
    string? DateOrder = null,
    string RetailerCode = "default",
    int? ApiKeyId = null,
    long? ReplacesUploadId = null,
    bool ReplaceConfirmed = false,
    string? Source = null,
    string? Sheet = null);

public enum IntakeState
{
    /// <summary>A new upload, waiting for (or given to) its job.</summary>
    Queued,

    /// <summary>The same content was loaded before: nothing changes.</summary>
    AlreadyLoaded,

    /// <summary>The same content is being loaded by an earlier upload, which carries on.</summary>
    InProgress,
}

/// <param name="HolderHidden">
/// The upload holding the same content is another API key's: the message does not name it, nor may the caller be told
/// <paramref name="UploadId"/>.
/// </param>
public sealed record IntakeResult(long UploadId, IntakeState State, string Message, bool HolderHidden = false);

/// <summary>
/// The one door for files — the upload page, the API, the import command and the drop folder: check what the
/// uploader said, stream the file to disk, and record the upload and hand it to a job — unless another upload holds
/// the same content, which is answered without touching anything. A file of a known source system is recorded with
/// the source's current mapping version, which its load then reads it with; a chosen Excel sheet must be one of the
/// workbook's, and is recorded as the workbook names it.
/// </summary>
public sealed class UploadIntake(UploadStorage storage, UploadsTable uploads, AuditLog audit, SourceCatalog sources,
    StagedFileReads stagedReads, TimeProvider clock, IBackgroundJobClient? jobs = null)
{
    /// <param name="enqueue">False for the import command, which loads synchronously in its own process.</param>
    /// <exception cref="IntakeRequestException">What the uploader said cannot be taken (before anything is written).</exception>
    /// <exception cref="UploadTooLargeException">The file is over the upload limit (nothing is kept).</exception>
    public async Task<IntakeResult> AcceptAsync(Stream content, IntakeRequest request, IProgress<long>? progress, bool enqueue,
        CancellationToken cancellationToken)
    {
        if (IntakeRules.FirstProblem(request) is { } problem)
            throw new IntakeRequestException(problem);
        await RefuseLiveFeedAsync(request, cancellationToken);
        var (resolved, mappingVersion) = await ResolveSourceAsync(request, cancellationToken);
        var staged = await storage.StageAsync(content, request.FileName, progress, cancellationToken);
        StagedFile? unrecorded = staged;
        try
        {
            resolved = await WithSheetAsync(staged, resolved, cancellationToken);
            unrecorded = null;
        }
        finally
        {
            if (unrecorded is not null)
                File.Delete(unrecorded.Path);
        }
        return await RecordAsync(staged, resolved, mappingVersion, enqueue, cancellationToken);
    }

    /// <summary>A file already streamed to the staging folder (the mapping step looked at it first): recorded as <see cref="AcceptAsync"/> does.</summary>
    /// <exception cref="IntakeRequestException">What the uploader said cannot be taken (the staged file is removed).</exception>
    public async Task<IntakeResult> AcceptStagedAsync(StagedFile staged, IntakeRequest request, bool enqueue, CancellationToken cancellationToken)
    {
        try
        {
            if (IntakeRules.FirstProblem(request) is { } problem)
                throw new IntakeRequestException(problem);
            await RefuseLiveFeedAsync(request, cancellationToken);
            var (resolved, mappingVersion) = await ResolveSourceAsync(request, cancellationToken);
            return await RecordAsync(staged, await WithSheetAsync(staged, resolved, cancellationToken), mappingVersion, enqueue, cancellationToken);
        }
        catch (IntakeRequestException)
        {
            File.Delete(staged.Path);
            throw;
        }
    }

    /// <summary>No file is declared to replace a live feed (its load would refuse it anyway: see <see cref="UploadReplacement"/>).</summary>
    private async Task RefuseLiveFeedAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        if (request.ReplacesUploadId is { } old && await uploads.KindAsync(old, cancellationToken) is { } kind && LiveFeeds.Is(kind))
            throw new IntakeRequestException(new IntakeProblem("replaces", LiveFeeds.Refusal(old)));
    }

    /// <summary>
    /// The source a file comes from: the named one (which must exist), or the retailer code when it is a known source.
    /// Its only kind stands in for a kind the uploader did not name.
    /// </summary>
    private async Task<(IntakeRequest Request, int? MappingVersion)> ResolveSourceAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        var named = IntakeRules.NullIfBlank(request.Source);
        var code = named ?? IntakeRules.Retailer(request.RetailerCode);
        var source = await sources.GetAsync(code, cancellationToken: cancellationToken);
        if (source is null)
            return named is null
                ? (request, null)
                : throw new IntakeRequestException(new IntakeProblem("source",
                    $"There is no source '{named}'. An admin adds it on the Sources page (/admin/sources) or with `sources set {named}`."));
        if (request.Kind is { } kind && source.Kinds.Count > 0 && !source.Kinds.Contains(kind))
            throw new IntakeRequestException(new IntakeProblem("kind",
                $"Source {source.Code} sends {string.Join(", ", source.Kinds)}, not {kind}; an admin can change that on the Sources page."));
        return (request with { RetailerCode = source.Code, Kind = request.Kind ?? source.OnlyKind }, source.Version);
    }

    /// <summary>
    /// The chosen sheet as the workbook names it (a number or another case stands for the same sheet, so the same
    /// content): a file that is not a workbook, or has no such sheet, is refused naming the sheets it has.
    /// </summary>
    /// <exception cref="IntakeRequestException">The sheet cannot be read from this file.</exception>
    private async Task<IntakeRequest> WithSheetAsync(StagedFile staged, IntakeRequest request, CancellationToken cancellationToken)
    {
        if (IntakeRules.NullIfBlank(request.Sheet) is not { } chosen)
            return request with { Sheet = null };
        IReadOnlyList<string> sheets;
        try
        {
            sheets = await stagedReads.SheetsAsync(staged, new ReadOptions { Now = clock.GetUtcNow().UtcDateTime }, cancellationToken);
        }
        catch (FileRefusedException e)
        {
            throw new IntakeRequestException(new IntakeProblem("file", $"{e.Message} Nothing was kept."));
        }
        if (sheets.Count == 0)
            throw new IntakeRequestException(new IntakeProblem("sheet",
                $"{staged.OriginalName} is not an Excel workbook: a sheet is chosen for .xlsx files only. Nothing was kept."));
        try
        {
            return request with { Sheet = WorkbookSheets.Resolve(sheets, chosen, staged.OriginalName) };
        }
        catch (FileRefusedException e)
        {
            throw new IntakeRequestException(new IntakeProblem("sheet", $"{e.Message} Nothing was kept; send it again naming one of them."));
        }
    }

    private async Task<IntakeResult> RecordAsync(StagedFile staged, IntakeRequest request, int? mappingVersion, bool enqueue,
        CancellationToken cancellationToken)
    {
        var upload = new NewUpload(staged.OriginalName, staged.SizeBytes, staged.Sha256, staged.Path, request.UploadedBy, request.Kind,
            IntakeRules.NullIfBlank(request.DefaultStoreCode), request.DateOrder, IntakeRules.Retailer(request.RetailerCode),
            request.ApiKeyId, request.ReplacesUploadId, request.ReplaceConfirmed, mappingVersion, request.Sheet);
        // The holder can finish (or fail) between our insert and our look-up: then the insert is tried again.
        for (var attempt = 0; ; attempt++)
        {
            if (await uploads.TryInsertQueuedAsync(upload, cancellationToken) is { } uploadId)
            {
                await audit.RecordAsync(request.UploadedBy, AuditActions.Upload, $"upload #{uploadId} {staged.OriginalName}",
                    $"{staged.SizeBytes:N0} bytes", cancellationToken);
                if (enqueue)
                    Enqueue(uploadId);
                return new IntakeResult(uploadId, IntakeState.Queued, $"Queued as upload #{uploadId}.");
            }
            if (await uploads.FindHolderAsync(staged.Sha256, request.Sheet, cancellationToken) is { } holder)
                return await AnswerHeldAsync(holder, staged, request.ApiKeyId, enqueue, cancellationToken);
            if (attempt == 3)
                throw new InvalidOperationException($"Upload of {staged.OriginalName} kept meeting a concurrent upload of the same file.");
        }
    }

    private async Task<IntakeResult> AnswerHeldAsync(ContentHolder holder, StagedFile staged, int? apiKeyId, bool enqueue,
        CancellationToken cancellationToken)
    {
        var named = holder.MayBeNamedTo(apiKeyId);
        IntakeResult Answer(IntakeState state) => new(holder.UploadId, state, named ? holder.Message : holder.PrivateMessage, !named);
        if (holder.IsLoaded)
        {
            File.Delete(staged.Path);
            return Answer(IntakeState.AlreadyLoaded);
        }
        // An upload of the same content that never finished (a crash, a killed import) is resumed, not duplicated;
        // when its staged file is lost, this copy takes its place.
        if (holder.StagedPath is not null && File.Exists(holder.StagedPath))
            File.Delete(staged.Path);
        else
            await uploads.AttachStagedFileAsync(holder.UploadId, staged.Path, cancellationToken);
        if (enqueue)
            Enqueue(holder.UploadId);
        return Answer(IntakeState.InProgress);
    }

    private void Enqueue(long uploadId) =>
        (jobs ?? throw new InvalidOperationException("No job client: this process loads uploads synchronously."))
            .Enqueue<ImportUploadJob>(job => job.RunAsync(uploadId, CancellationToken.None));
}
