using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>A file taken in and waiting on disk for its load.</summary>
public sealed record NewUpload(
    string FileName,
    long SizeBytes,
    string Sha256,
    string StagedPath,
    string UploadedBy,
    string? RequestedKind,
    string? DefaultStoreCode,
    string? DateOrder,
    string RetailerCode);

/// <summary>Where a load ended, as the uploads row records it.</summary>
internal sealed record LoadEnd(
    string Status,
    string Kind,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    long RowsDuplicate,
    long RowsFlagged,
    string QualityReportJson,
    string? Error);

/// <summary>
/// The one writer of the <c>uploads</c> table — intake, progress, the end of a load — and its reader on a load's own
/// connection (inside the load's transaction, where EF's context is not).
/// </summary>
public sealed class UploadsTable(NpgsqlDataSource dataSource)
{
    public async Task<long> InsertQueuedAsync(NewUpload upload, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO uploads (file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at, staged_path,
                requested_kind, default_store_code, date_order, retailer_code)
            VALUES (@name, @size, @sha, @kind, 'queued', @by, now(), @path, @requested, @store, @order, @retailer)
            RETURNING upload_id
            """);
        command.Parameters.AddWithValue("name", upload.FileName);
        command.Parameters.AddWithValue("size", upload.SizeBytes);
        command.Parameters.AddWithValue("sha", upload.Sha256);
        command.Parameters.AddWithValue("kind", upload.RequestedKind ?? UploadKinds.Unknown);
        command.Parameters.AddWithValue("by", upload.UploadedBy);
        command.Parameters.AddWithValue("path", upload.StagedPath);
        command.Parameters.AddWithValue("requested", (object?)upload.RequestedKind ?? DBNull.Value);
        command.Parameters.AddWithValue("store", (object?)upload.DefaultStoreCode ?? DBNull.Value);
        command.Parameters.AddWithValue("order", (object?)upload.DateOrder ?? DBNull.Value);
        command.Parameters.AddWithValue("retailer", upload.RetailerCode);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Gives an unfinished upload a new copy of its file (its own was lost).</summary>
    public async Task AttachStagedFileAsync(long uploadId, string stagedPath, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE uploads SET staged_path = @path WHERE upload_id = @id");
        command.Parameters.AddWithValue("path", stagedPath);
        command.Parameters.AddWithValue("id", uploadId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The answer to a file whose content is already in the database, or null when it is not.</summary>
    public async Task<(long UploadId, string Message)?> FindLoadedAsync(string sha256, CancellationToken cancellationToken)
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

    public async Task<string> AlreadyLoadedMessageAsync(string sha256, CancellationToken cancellationToken) =>
        (await FindLoadedAsync(sha256, cancellationToken))?.Message ?? "The same file was loaded at the same time by another upload.";

    /// <summary>The oldest upload of the same content that has not finished (a crash, a killed import), if any.</summary>
    public async Task<(long UploadId, string? StagedPath)?> FindUnfinishedAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT upload_id, staged_path FROM uploads
            WHERE sha256 = @sha AND status IN ('queued', 'parsing', 'loading') ORDER BY upload_id LIMIT 1
            """);
        command.Parameters.AddWithValue("sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>Publishes a job's progress on a connection of its own, outside the load's transaction.</summary>
    internal static void SetProgress(NpgsqlConnection connection, long uploadId, string? status, int percent)
    {
        using var command = new NpgsqlCommand(
            "UPDATE uploads SET status = coalesce(@status, status), progress_percent = @percent, " +
            "started_at = coalesce(started_at, clock_timestamp()) WHERE upload_id = @id", connection);
        command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("percent", (short)percent);
        command.Parameters.AddWithValue("id", uploadId);
        command.ExecuteNonQuery();
    }

    /// <summary>Records the end of a load inside its transaction, so the counts commit with the facts.</summary>
    internal static Task<int> FinishAsync(NpgsqlConnection connection, long uploadId, LoadEnd end, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, """
            UPDATE uploads SET status = @status, kind = @kind, rows_read = @read, rows_accepted = @accepted,
                rows_rejected = @rejected, rows_duplicate = @duplicates, rows_flagged = @flagged, error_text = @error,
                quality_report = @report::jsonb, progress_percent = 100, finished_at = clock_timestamp()
            WHERE upload_id = @id
            """, cancellationToken, ("status", end.Status), ("kind", end.Kind), ("read", end.RowsRead),
            ("accepted", end.RowsAccepted), ("rejected", end.RowsRejected), ("duplicates", end.RowsDuplicate),
            ("flagged", end.RowsFlagged), ("error", (object?)end.Error ?? DBNull.Value), ("report", end.QualityReportJson),
            ("id", uploadId));

    /// <summary>Marks an upload refused whole (nothing of it loaded), unless it was loaded meanwhile.</summary>
    public async Task RefuseAsync(long uploadId, string message, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, """
            UPDATE uploads SET status = 'refused', error_text = @error, progress_percent = 100, finished_at = clock_timestamp()
            WHERE upload_id = @id AND status <> 'loaded'
            """, cancellationToken, ("error", message), ("id", uploadId));
    }

    public static async Task<Upload?> ReadAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT * FROM uploads WHERE upload_id = @id", connection);
        command.Parameters.AddWithValue("id", uploadId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        T Get<T>(string column) => reader.GetFieldValue<T>(reader.GetOrdinal(column));
        T? Maybe<T>(string column) where T : class => reader.IsDBNull(reader.GetOrdinal(column)) ? null : Get<T>(column);
        DateTime? Time(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : Get<DateTime>(column);
        return new Upload
        {
            UploadId = Get<long>("upload_id"),
            FileName = Get<string>("file_name"),
            SizeBytes = Get<long>("size_bytes"),
            Sha256 = Get<string>("sha256"),
            Kind = Get<string>("kind"),
            Status = Get<string>("status"),
            UploadedBy = Get<string>("uploaded_by"),
            UploadedAt = Get<DateTime>("uploaded_at"),
            StartedAt = Time("started_at"),
            FinishedAt = Time("finished_at"),
            RowsRead = Get<long>("rows_read"),
            RowsAccepted = Get<long>("rows_accepted"),
            RowsRejected = Get<long>("rows_rejected"),
            RowsDuplicate = Get<long>("rows_duplicate"),
            RowsFlagged = Get<long>("rows_flagged"),
            ErrorText = Maybe<string>("error_text"),
            StagedPath = Maybe<string>("staged_path"),
            RequestedKind = Maybe<string>("requested_kind"),
            DefaultStoreCode = Maybe<string>("default_store_code"),
            DateOrder = Maybe<string>("date_order"),
            RetailerCode = Get<string>("retailer_code"),
            ProgressPercent = Get<short>("progress_percent"),
            QualityReport = Maybe<string>("quality_report"),
        };
    }

    /// <summary>An upload's rejected lines counted by reason code (a line with two reasons counts under both).</summary>
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
}
