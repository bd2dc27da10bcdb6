using Npgsql;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>
/// One pull of a source: the records after its cursor become one staged NDJSON file, taken in by the same intake as
/// every upload (with the source's name, so its mapping reads it) and loaded as an upload with the usual report. The
/// cursor moves only once that upload has loaded, to the latest cursor value among its records; a pull that fails
/// anywhere leaves it where it was, and the next pull asks again from there — records it already loaded count as
/// duplicates by the facts' natural key, so nothing is doubled or skipped.
/// </summary>
public sealed class SourcePuller(EndpointCatalog endpoints, PageFetcher fetcher, UploadIntake intake, UploadsTable uploads,
    NpgsqlDataSource dataSource, TimeProvider clock, ILogger<SourcePuller> logger)
{
    /// <summary>How the pull's upload ended.</summary>
    private sealed record Load(long? UploadId, string? Status, long Accepted, long Duplicates, string? Error);

    /// <param name="load">Loads an upload and says how it ended: the job's way (notifying what follows new data) or the command's.</param>
    public async Task<PullOutcome> PullAsync(string code, Func<long, CancellationToken, Task<UploadOutcome>> load, CancellationToken cancellationToken)
    {
        if (await endpoints.RetailerIdAsync(code, cancellationToken) is not { } retailerId)
            return Ended(code, PullStatuses.NoEndpoint, $"Source {code} has no endpoint to pull from.");
        await using var pullLock = await PullLock.TryTakeAsync(dataSource, retailerId, cancellationToken);
        if (pullLock is null)
            return Ended(code, PullStatuses.Busy, $"A pull of {code} is already running; it carries on.");
        var at = clock.GetUtcNow().UtcDateTime;
        await endpoints.MarkAttemptAsync(retailerId, at, cancellationToken);
        try
        {
            return await PullLockedAsync(code, retailerId, at, load, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Said on the Data quality page as well as in the job's log; when the database is what failed, the log has to do.
            try
            {
                await endpoints.RecordAsync(retailerId, new PullRecord(at, $"the pull stopped with an error: {e.Message}", 0, null, null),
                    CancellationToken.None);
            }
            catch (Exception recording) when (recording is NpgsqlException or InvalidOperationException)
            {
                logger.LogWarning("Pull of {Source}: its failure could not be recorded ({Message})", code, recording.Message);
            }
            throw;
        }
    }

    private async Task<PullOutcome> PullLockedAsync(string code, int retailerId, DateTime at, Func<long, CancellationToken, Task<UploadOutcome>> load,
        CancellationToken cancellationToken)
    {
        PullTarget? target;
        try
        {
            target = await endpoints.ForPullAsync(retailerId, cancellationToken);
        }
        catch (PullFailedException e)
        {
            await endpoints.RecordAsync(retailerId, new PullRecord(at, e.Message, 0, null, null), cancellationToken);
            return Ended(code, PullStatuses.Failed, e.Message);
        }
        if (target is null)
            return Ended(code, PullStatuses.NoEndpoint, $"Source {code} has no endpoint to pull from.");
        var cursor = target.Endpoint.Cursor;
        var fetched = await fetcher.FetchAsync(target, cancellationToken);
        var loaded = fetched.File is null ? null : await LoadAsync(target, fetched.File, load, cancellationToken);
        var isLoaded = loaded?.Status == UploadStatuses.Loaded;
        // Records out of cursor order and a pull stopped early: later pages may hold values below the latest one seen.
        var advanced = isLoaded && (fetched.ReachedEnd || !fetched.OutOfOrder) ? fetched.MaxCursor : null;
        var error = Error(target, fetched, loaded, advanced);
        await endpoints.RecordAsync(retailerId, new PullRecord(at, error, fetched.Records, loaded?.UploadId, advanced), cancellationToken);
        var status = error is not null ? PullStatuses.Failed : loaded is null ? PullStatuses.NothingNew : PullStatuses.Loaded;
        var message = error ?? (loaded is null
            ? $"Nothing new after {cursor ?? "the beginning"} ({fetched.Records} records on {fetched.Pages} pages, all loaded before)."
            : $"{fetched.Records} records on {fetched.Pages} pages: upload #{loaded.UploadId} {loaded.Status}, {loaded.Accepted} new, " +
              $"{loaded.Duplicates} already loaded; the next pull starts after {advanced}." +
              (fetched.ReachedEnd ? "" : " Paging stopped at the pull's limits; the next pull carries on."));
        var from = EndpointRules.Display(target.Endpoint.BaseUrl);
        if (error is null)
            logger.LogInformation("Pull of {Source} from {Url}: {Message}", code, from, message);
        else
            logger.LogWarning("Pull of {Source} from {Url} failed: {Message}", code, from, message);
        return new PullOutcome(code, status, fetched.Pages, fetched.Records, loaded?.UploadId, loaded?.Status, loaded?.Accepted ?? 0,
            loaded?.Duplicates ?? 0, cursor, advanced ?? cursor, message);
    }

    private static string? Error(PullTarget target, FetchedRecords fetched, Load? loaded, string? advanced)
    {
        if (loaded?.Error is { } loadError)
            return loadError;
        if (fetched.Failure is { } failure)
            return loaded is null ? $"{failure}; nothing new had come before it, the cursor stays where it was"
                : $"{failure}; the {fetched.Records} records of the {fetched.Pages} pages before it loaded as upload #{loaded.UploadId}, " +
                  "and the next pull carries on after them";
        return loaded is not null && advanced is null
            ? $"the records are not in ascending order of {target.Endpoint.CursorField} and paging stopped before the end, so the cursor " +
              "cannot move safely: raise Pulls:MaxRecordsPerPull or have the API sort by the cursor field"
            : null;
    }

    private async Task<Load> LoadAsync(PullTarget target, StagedFile file, Func<long, CancellationToken, Task<UploadOutcome>> load,
        CancellationToken cancellationToken)
    {
        var from = EndpointRules.Display(target.Endpoint.BaseUrl);
        // Who uploaded it, as the uploads' history says: a name of at most 256 characters, however long the address.
        var request = new IntakeRequest(file.OriginalName, $"pull ({(from.Length <= 240 ? from : from[..239] + "…")})", Source: target.Code);
        IntakeResult accepted;
        try
        {
            accepted = await intake.AcceptStagedAsync(file, request, enqueue: false, cancellationToken);
        }
        catch (IntakeRequestException e)
        {
            return new Load(null, null, 0, 0, $"the pulled records were not taken in: {e.Message}");
        }
        // The same records were pulled and loaded before (a crash between the load and the cursor's move): they are in.
        if (accepted.State == IntakeState.AlreadyLoaded)
            return new Load(accepted.UploadId, UploadStatuses.Loaded, 0, 0, null);
        try
        {
            var outcome = await load(accepted.UploadId, cancellationToken);
            return new Load(outcome.UploadId, outcome.Status, outcome.Accepted, outcome.Duplicates,
                outcome.Status == UploadStatuses.Loaded ? null : $"upload #{outcome.UploadId} {outcome.Status}: {outcome.Message}");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // This pull is the upload's only loader: when it gives up, the upload ends failed with the reason, as an import's does.
            await uploads.FailAsync(accepted.UploadId, $"The load stopped with an error: {e.Message} Nothing of the file was loaded.", CancellationToken.None);
            return new Load(accepted.UploadId, UploadStatuses.Failed, 0, 0, $"upload #{accepted.UploadId} failed: {e.Message}");
        }
    }

    private static PullOutcome Ended(string code, string status, string message) => new(code, status, 0, 0, null, null, 0, 0, null, null, message);
}
