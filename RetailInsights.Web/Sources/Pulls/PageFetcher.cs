using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion.Pulls;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>What paging brought: the staged file of records (null when none was new), and where and why paging ended.</summary>
public sealed record FetchedRecords(
    StagedFile? File,
    int Pages,
    int Records,
    string? MaxCursor,
    bool ReachedEnd,
    bool OutOfOrder,
    string? Failure);

/// <summary>
/// Pages through an endpoint from its cursor into one NDJSON file in the staging folder, a page at a time and only
/// whole pages: it stops at the end, at the pull's caps (records, bytes, time), or at a page that cannot be had or
/// read — then the pages before it are what the pull loads, and the next pull asks again from the cursor they
/// leave. A record that comes twice in one pull (pages that shift while paging) is written once.
/// </summary>
public sealed class PageFetcher(EndpointClient client, UploadStorage storage, IOptions<PullOptions> options, TimeProvider clock)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task<FetchedRecords> FetchAsync(PullTarget target, CancellationToken cancellationToken)
    {
        var (settings, endpoint) = (options.Value, target.Endpoint);
        var baseUrl = new Uri(endpoint.BaseUrl);
        await using var file = storage.CreateStagingFile($"{target.Code}-pull-{clock.GetUtcNow():yyyyMMdd-HHmmss}.ndjson");
        using var time = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        time.CancelAfter(settings.PullTimeout);
        var seen = new HashSet<UInt128>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var address = ApiPaging.First(baseUrl, endpoint.Paging, endpoint.SinceParameter, endpoint.Cursor, endpoint.PageSize);
        visited.Add(address.AbsoluteUri);
        int pages = 0, records = 0, fresh = 0;
        string? max = null, previous = null, failure = null;
        bool outOfOrder = false, reachedEnd = false;
        while (records < settings.MaxRecordsPerPull && file.Length < settings.MaxBytesPerPull)
        {
            ApiPage page;
            string? linkNext;
            try
            {
                var answer = await client.GetAsync(address, target.Credentials, time.Token);
                page = ApiPageReader.Read(answer.Body, endpoint.RecordsPath, endpoint.CursorField);
                linkNext = answer.LinkNext;
            }
            catch (Exception e) when (e is PullFailedException or ApiPageException)
            {
                failure = $"page {pages + 1} ({address.GetLeftPart(UriPartial.Path)}): {e.Message}";
                break;
            }
            catch (OperationCanceledException) when (time.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                failure = $"paging took longer than Pulls:PullTimeout ({settings.PullTimeout})";
                break;
            }
            var kept = page.Records.Where(r => seen.Add(BinaryPrimitives.ReadUInt128LittleEndian(SHA256.HashData(r.Json)))).ToList();
            if (kept.Sum(r => r.Json.Length + 1L) > file.Room)
            {
                failure = $"page {pages + 1} would take the pull's file past Ingestion:MaxUploadBytes";
                break;
            }
            foreach (var record in kept)
            {
                outOfOrder |= previous is not null && CursorOrder.Compare(record.Cursor, previous) < 0;
                previous = record.Cursor;
                max = CursorOrder.Max(max, record.Cursor);
                if (endpoint.Cursor is null || CursorOrder.Compare(record.Cursor, endpoint.Cursor) > 0)
                    fresh++;
                await file.WriteAsync(record.Json, cancellationToken);
                await file.WriteAsync(NewLine, cancellationToken);
                records++;
            }
            pages++;
            (var next, failure) = NextAddress(endpoint, baseUrl, address, page, linkNext, pages);
            if (next is null)
            {
                reachedEnd = failure is null;
                break;
            }
            if (!visited.Add(next.AbsoluteUri))
            {
                failure = $"the next link after page {pages} leads back to a page already read";
                break;
            }
            address = next;
        }
        return new FetchedRecords(fresh == 0 ? null : await file.CompleteAsync(), pages, records, max, reachedEnd, outOfOrder, failure);
    }

    /// <summary>The page after this one; none at the end, or at a next link that cannot be followed (then with why).</summary>
    private static (Uri? Next, string? Failure) NextAddress(SourceEndpoint endpoint, Uri baseUrl, Uri current, ApiPage page, string? linkNext,
        int pages)
    {
        if (endpoint.Paging == ApiPaging.Pages)
            return (page.Records.Count < endpoint.PageSize ? null
                : ApiPaging.Page(baseUrl, endpoint.SinceParameter, endpoint.Cursor, pages + 1, endpoint.PageSize), null);
        if ((page.Next ?? linkNext) is not { } link || page.Records.Count == 0)
            return (null, null);
        try
        {
            return (ApiPaging.Next(current, baseUrl, link), null);
        }
        catch (ApiPageException e)
        {
            return (null, $"page {pages}: {e.Message}");
        }
    }
}
