using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Warehouse;
using System.Text.Json;
using Npgsql;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Dashboards.Filters;

namespace RetailInsights.Web.Dashboards.Quality;

/// <summary>
/// The data-quality page's figures. They come from the uploads table — one row and one small JSON report per file, so
/// it grows with files, never with lines — bounded by the filter's days through the index on uploaded_at (a range holds
/// the files of its days: tens a day for a chain) and by its source system; the per-load charts read at most
/// <see cref="MaxLoadsCharted"/> of them. Freshness reads, per source system, the latest day of the store-day summary
/// (a backward scan of its key that stops at the source's latest row) and its latest uploads by key.
/// </summary>
public sealed class QualityQueries(DashboardDatabase database)
{
    /// <summary>The latest loads of a range that the per-load charts draw (the tables and totals count them all).</summary>
    public const int MaxLoadsCharted = 500;

    public const int FailuresShown = 10;

    // A source's live events belong to one uploads row of kind 'events' (made by its first event, never read as a file):
    // it is no load, so the per-file figures leave it out and freshness reads its events instead.
    private const string Files = $"u.kind <> '{UploadKinds.Events}'";

    private const string InRange = $"{Files} AND u.uploaded_at >= @from_at AND u.uploaded_at < @to_at AND (@source IS NULL OR u.retailer_code = @source)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The day of the latest upload (UTC), or today when there is none: where the page's default range ends.</summary>
    public async Task<DateOnly> LatestUploadDayAsync(CancellationToken cancellationToken) =>
        await database.ScalarAsync<DateTime>("SELECT max(uploaded_at) FROM uploads", null, cancellationToken) is { } at && at != default
            ? DateOnly.FromDateTime(at.ToUniversalTime())
            : DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task<QualityTotals> TotalsAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var both = filter with { From = filter.Previous.From };
        var rows = await database.ListAsync($"""
            SELECT u.uploaded_at >= @current_at, count(*), count(*) FILTER (WHERE u.status = '{UploadStatuses.Loaded}'),
                   count(*) FILTER (WHERE u.status IN ('{UploadStatuses.Failed}', '{UploadStatuses.Refused}')), sum(u.rows_read), sum(u.rows_accepted + u.rows_duplicate),
                   sum(u.rows_rejected), sum(u.rows_duplicate)
            FROM uploads u WHERE {InRange}
            GROUP BY 1
            """, both, r => (Current: r.GetBoolean(0), Totals: new UploadTotals(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3),
                (long)r.GetDecimal(4), (long)r.GetDecimal(5), (long)r.GetDecimal(6), (long)r.GetDecimal(7))),
            cancellationToken, [.. Range(both), ("current_at", Start(filter.From))]);
        UploadTotals Of(bool current) => rows.SingleOrDefault(r => r.Current == current).Totals ?? UploadTotals.None;
        return new QualityTotals(Of(true), Of(false));
    }

    /// <summary>The latest <see cref="MaxLoadsCharted"/> loads of the range, oldest first, with their reasons and completeness.</summary>
    public async Task<LoadsInRange> LoadsAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var loads = await database.ListAsync($"""
            SELECT u.upload_id, u.file_name, u.kind, u.status, u.retailer_code, u.uploaded_at, u.rows_read, u.rows_accepted,
                   u.rows_rejected, u.rows_duplicate, u.quality_report -> 'rejectedByReason', u.quality_report -> 'completeness'
            FROM uploads u WHERE {InRange}
            ORDER BY u.upload_id DESC LIMIT {MaxLoadsCharted}
            """, filter, r => new LoadQuality(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetDateTime(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9),
                FromJson<long>(r, 10), FromJson<double>(r, 11)),
            cancellationToken, Range(filter));
        var total = loads.Count < MaxLoadsCharted ? loads.Count
            : await database.ScalarAsync<long>($"SELECT count(*) FROM uploads u WHERE {InRange}", filter, cancellationToken, Range(filter));
        loads.Reverse();
        return new LoadsInRange(loads, total);
    }

    /// <summary>Rejected rows by reason code over the range, from each load's report (exact, also for lines whose text was not kept).</summary>
    public Task<List<ReasonTotal>> ReasonsAsync(DashboardFilter filter, CancellationToken cancellationToken) => database.ListAsync($"""
        SELECT r.key, sum(r.value::bigint)::bigint, count(*)
        FROM uploads u, jsonb_each_text(u.quality_report -> 'rejectedByReason') r
        WHERE {InRange}
        GROUP BY 1 ORDER BY 2 DESC, 1
        """, filter, r => new ReasonTotal(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken, Range(filter));

    /// <summary>Completeness per kind and column over the range: the lowest load's share and the share over all rows read.</summary>
    public Task<List<ColumnCompleteness>> CompletenessAsync(DashboardFilter filter, CancellationToken cancellationToken) => database.ListAsync($"""
        SELECT u.kind, c.key, min(c.value::float8), coalesce(sum(c.value::float8 * u.rows_read) / nullif(sum(u.rows_read), 0), min(c.value::float8)),
               count(*), count(*) FILTER (WHERE c.value::float8 < 1)
        FROM uploads u, jsonb_each_text(u.quality_report -> 'completeness') c
        WHERE {InRange}
        GROUP BY 1, 2 ORDER BY 4, 1, 2
        """, filter, r => new ColumnCompleteness(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetInt64(4), r.GetInt64(5)),
        cancellationToken, Range(filter));

    /// <summary>
    /// Each source system the dimensions know (and any that sent files in the range without ever loading one): its latest
    /// sale day, latest file, when a file of it last loaded, when its latest live event arrived, and how its pulls stand. Not bound by the
    /// range: it says how things stand now. Per source: a backward scan of the store-day key, the uploads by source (tens a
    /// day) and one probe of the live events' (source, received) index.
    /// </summary>
    public Task<List<SourceFreshness>> FreshnessAsync(DashboardFilter filter, CancellationToken cancellationToken) => database.ListAsync($"""
        WITH sources AS (
            SELECT code, retailer_id FROM dim_retailer
            UNION
            SELECT DISTINCT u.retailer_code, NULL::int FROM uploads u
            WHERE {InRange} AND NOT EXISTS (SELECT 1 FROM dim_retailer d WHERE d.code = u.retailer_code))
        SELECT s.code,
               (SELECT max(a.date_key) FROM agg_store_daily a WHERE a.retailer_id = s.retailer_id),
               last.upload_id, last.file_name, last.status, last.uploaded_at,
               (SELECT u.finished_at FROM uploads u WHERE u.retailer_code = s.code AND u.status = '{UploadStatuses.Loaded}' AND {Files}
                ORDER BY u.upload_id DESC LIMIT 1),
               (SELECT max(e.received_at) FROM live_events e WHERE e.retailer_id = s.retailer_id),
               p.retailer_id IS NOT NULL, p.last_attempt_at, p.last_success_at, p.last_error, p.failing_since, p.last_records
        FROM sources s
        LEFT JOIN source_endpoints p ON p.retailer_id = s.retailer_id
        LEFT JOIN LATERAL (SELECT u.upload_id, u.file_name, u.status, u.uploaded_at FROM uploads u WHERE u.retailer_code = s.code AND {Files}
                           ORDER BY u.upload_id DESC LIMIT 1) last ON true
        WHERE @source IS NULL OR s.code = @source
        ORDER BY s.code
        """, filter, r => new SourceFreshness(r.GetString(0), r.IsDBNull(1) ? null : DateKeys.Day(r.GetInt32(1)),
            r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
            r.IsDBNull(5) ? null : r.GetDateTime(5), r.IsDBNull(6) ? null : r.GetDateTime(6), r.IsDBNull(7) ? null : r.GetDateTime(7),
            r.GetBoolean(8) ? new SourcePulls(Time(r, 9), Time(r, 10), r.IsDBNull(11) ? null : r.GetString(11), Time(r, 12), r.GetInt32(13)) : null),
        cancellationToken, Range(filter));

    private static DateTime? Time(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDateTime(column);

    /// <summary>The latest files of the range that failed or were refused.</summary>
    public Task<List<FailedUpload>> RecentFailuresAsync(DashboardFilter filter, CancellationToken cancellationToken) => database.ListAsync($"""
        SELECT u.upload_id, u.file_name, u.kind, u.status, u.retailer_code, u.uploaded_at, u.error_text
        FROM uploads u WHERE {InRange} AND u.status IN ('{UploadStatuses.Failed}', '{UploadStatuses.Refused}')
        ORDER BY u.upload_id DESC LIMIT {FailuresShown}
        """, filter, r => new FailedUpload(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDateTime(5),
            r.IsDBNull(6) ? null : r.GetString(6)), cancellationToken, Range(filter));

    /// <summary>The filter's days as instants: from the start of its first day to the start of the day after its last (UTC).</summary>
    private static (string, object)[] Range(DashboardFilter filter) =>
        [("from_at", Start(filter.From)), ("to_at", Start(filter.To.AddDays(1)))];

    private static DateTime Start(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static IReadOnlyDictionary<string, T> FromJson<T>(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? new Dictionary<string, T>()
            : JsonSerializer.Deserialize<Dictionary<string, T>>(reader.GetString(column), Json) ?? [];
}
