using Npgsql;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Warehouse;

/// <summary>
/// A source system's live feed — its uploads row of kind <see cref="UploadKinds.Events"/>, which its live facts belong
/// to — is not a file: no file replaces it, and it is never retried or cancelled. Live data is corrected by voiding a
/// store-day of live events (an admin's audited action), which also lets the tills send those events again. Files'
/// uploads rows are written by the ingestion's uploads table; this row is made here, beside the facts it owns.
/// </summary>
public static class LiveFeeds
{
    public static bool Is(string kind) => kind == UploadKinds.Events;

    public static bool Is(Upload upload) => Is(upload.Kind);

    /// <summary>Why a live feed upload was left as it is, and what to do instead.</summary>
    public static string Refusal(long uploadId) =>
        $"Upload #{uploadId} is a live feed: its rows are live events, not a file's, so it cannot be replaced, retried or cancelled. " +
        "Live data is corrected by an admin voiding a store-day (\"Void a store-day\" on the Live page, or " +
        "`void-events --store S --day yyyy-MM-dd --reason R`), which lets the tills send those events again. Nothing was changed.";

    /// <summary>
    /// The uploads row a source system's live events belong to, made on first use: loaded from the start and never
    /// final in another way, its content a name of its own so no file can hold it.
    /// </summary>
    public static async Task<long> EnsureAsync(NpgsqlDataSource dataSource, string retailerCode, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("live events of " + retailerCode)));
        await using var command = dataSource.CreateCommand($"""
            WITH made AS (
                INSERT INTO uploads (file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at, started_at, finished_at,
                    retailer_code, progress_percent)
                VALUES (@name, 0, @sha, '{UploadKinds.Events}', '{UploadStatuses.Loaded}', 'live events', now(), now(), now(), @retailer, 100)
                ON CONFLICT (sha256, requested_sheet) WHERE {UploadStatuses.HoldingContentSql} DO NOTHING
                RETURNING upload_id)
            SELECT upload_id FROM made UNION ALL SELECT upload_id FROM uploads WHERE sha256 = @sha AND status = '{UploadStatuses.Loaded}' LIMIT 1
            """);
        command.Parameters.AddWithValue("name", $"live events ({retailerCode})");
        command.Parameters.AddWithValue("sha", sha);
        command.Parameters.AddWithValue("retailer", retailerCode);
        // Two first requests at once: the one that waited on the other's insert sees no row in its statement's snapshot;
        // the same statement again sees the committed one.
        for (var attempt = 0; ; attempt++)
        {
            if (await command.ExecuteScalarAsync(cancellationToken) is long uploadId)
                return uploadId;
            if (attempt == 2)
                throw new InvalidOperationException($"No live feed upload could be made for '{retailerCode}'.");
        }
    }
}
