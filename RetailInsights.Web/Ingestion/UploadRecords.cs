using System.Globalization;
using Npgsql;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion;

/// <summary>Reads upload rows on a given connection (inside a load's transaction, where EF's context is not).</summary>
internal static class UploadRecords
{
    public static async Task<Upload?> ReadAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT upload_id, file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at, started_at, finished_at,
                   rows_read, rows_accepted, rows_rejected, rows_duplicate, rows_flagged, error_text, staged_path,
                   requested_kind, default_store_code, date_order, retailer_code
            FROM uploads WHERE upload_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", uploadId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        DateTime? Time(int i) => reader.IsDBNull(i) ? null : reader.GetDateTime(i);
        return new Upload
        {
            UploadId = reader.GetInt64(0),
            FileName = reader.GetString(1),
            SizeBytes = reader.GetInt64(2),
            Sha256 = reader.GetString(3),
            Kind = reader.GetString(4),
            Status = reader.GetString(5),
            UploadedBy = reader.GetString(6),
            UploadedAt = reader.GetDateTime(7),
            StartedAt = Time(8),
            FinishedAt = Time(9),
            RowsRead = reader.GetInt64(10),
            RowsAccepted = reader.GetInt64(11),
            RowsRejected = reader.GetInt64(12),
            RowsDuplicate = reader.GetInt64(13),
            RowsFlagged = reader.GetInt64(14),
            ErrorText = Text(15),
            StagedPath = Text(16),
            RequestedKind = Text(17),
            DefaultStoreCode = Text(18),
            DateOrder = Text(19),
            RetailerCode = reader.GetString(20),
        };
    }

    public static async Task<IReadOnlyDictionary<string, long>> ReasonsAsync(NpgsqlConnection connection, long uploadId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT reason, count(*) FROM rejected_rows, unnest(reason_codes) AS reason WHERE upload_id = @id GROUP BY reason ORDER BY reason",
            connection);
        command.Parameters.AddWithValue("id", uploadId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            reasons[reader.GetString(0)] = reader.GetInt64(1);
        return reasons;
    }

    /// <summary>The answer to a file whose content is already in the database, or null when it is not.</summary>
    public static async Task<(long UploadId, string Message)?> FindLoadedAsync(NpgsqlDataSource dataSource, string sha256,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT upload_id, finished_at, file_name FROM uploads WHERE sha256 = @sha AND status = 'loaded'");
        command.Parameters.AddWithValue("sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var id = reader.GetInt64(0);
        var on = reader.IsDBNull(1) ? "an earlier day" : reader.GetDateTime(1).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return (id, $"Already loaded on {on} as upload #{id} ({reader.GetString(2)}); nothing was changed.");
    }

    public static async Task<string> AlreadyLoadedMessageAsync(NpgsqlDataSource dataSource, string sha256, CancellationToken cancellationToken) =>
        (await FindLoadedAsync(dataSource, sha256, cancellationToken))?.Message ?? "The same file was loaded at the same time by another upload.";
}
