using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure.Postgres;
using RetailInsights.Web.Warehouse;

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
    string RetailerCode,
    int? ApiKeyId = null,
    long? ReplacesUploadId = null,
    bool ReplaceConfirmed = false,
    int? MappingVersion = null,
    string? RequestedSheet = null);

/// <summary>The upload that holds a file's content: queued, being loaded, or loaded.</summary>
/// <param name="ApiKeyId">The key that sent it, when a machine did.</param>
public sealed record ContentHolder(long UploadId, string Status, string? StagedPath, DateTime? FinishedAt, string FileName, int? ApiKeyId = null)
{
    public bool IsLoaded => Status == UploadStatuses.Loaded;

    public string Message => IsLoaded
        ? $"Already loaded on {FinishedAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "an earlier day"} " +
          $"as upload #{UploadId} ({FileName}); nothing was changed."
        : $"The same file is already being loaded as upload #{UploadId}; it carries on.";

    /// <summary>The answer for a key that did not send the holder: that the content is there, not which upload holds it.</summary>
    public string PrivateMessage => IsLoaded
        ? "This content was already loaded; nothing was changed."
        : "The same content is already being loaded; it carries on.";

    /// <summary>
    /// Whether the holder may be named to whoever sent the file again: a person (managers and admins see every upload)
    /// or the key that sent the holder; another key learns only that the content is there.
    /// </summary>
    public bool MayBeNamedTo(int? apiKeyId) => apiKeyId is null || apiKeyId == ApiKeyId;
}

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
    string? Error,
    string? ExcelSheet = null);

/// <summary>
/// The one writer of the <c>uploads</c> table — intake, progress, the end of a load — and its reader on a load's own
/// connection (inside the load's transaction, where EF's context is not).
/// </summary>
public sealed class UploadsTable(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Records a new upload, unless another upload holds the same content (queued, being loaded or loaded): then
    /// nothing is written and null comes back. The unique index over held content decides, so of two intakes of one
    /// file at the same moment exactly one is taken in.
    /// </summary>
    public async Task<long?> TryInsertQueuedAsync(NewUpload upload, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO uploads (file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at, staged_path,
                requested_kind, default_store_code, date_order, retailer_code, api_key_id, replaces_upload_id, replace_confirmed,
                mapping_version, requested_sheet)
            VALUES (@name, @size, @sha, @kind, '{UploadStatuses.Queued}', @by, now(), @path, @requested, @store, @order, @retailer, @key, @replaces,
                @confirmed, @mapping, @sheet)
            ON CONFLICT (sha256, requested_sheet) WHERE {UploadStatuses.HoldingContentSql} DO NOTHING
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
        command.Parameters.AddWithValue("key", NpgsqlDbType.Integer, (object?)upload.ApiKeyId ?? DBNull.Value);
        command.Parameters.AddWithValue("replaces", NpgsqlDbType.Bigint, (object?)upload.ReplacesUploadId ?? DBNull.Value);
        command.Parameters.AddWithValue("confirmed", upload.ReplaceConfirmed);
        command.Parameters.AddWithValue("mapping", NpgsqlDbType.Integer, (object?)upload.MappingVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("sheet", NpgsqlDbType.Varchar, (object?)upload.RequestedSheet ?? DBNull.Value);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    /// <summary>An upload's kind, or null when there is no such upload.</summary>
    public async Task<string?> KindAsync(long uploadId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT kind FROM uploads WHERE upload_id = @id");
        command.Parameters.AddWithValue("id", uploadId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The upload that holds this content (of this sheet, for a workbook), if any.</summary>
    public async Task<ContentHolder?> FindHolderAsync(string sha256, string? requestedSheet, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT upload_id, status, staged_path, finished_at, file_name, api_key_id FROM uploads
            WHERE sha256 = @sha AND requested_sheet IS NOT DISTINCT FROM @sheet AND {UploadStatuses.HoldingContentSql}
            """);
        command.Parameters.AddWithValue("sha", sha256);
        command.Parameters.AddWithValue("sheet", NpgsqlDbType.Varchar, (object?)requestedSheet ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new ContentHolder(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetDateTime(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt32(5));
    }

    /// <summary>Gives an unfinished upload a new copy of its file (its own was lost).</summary>
    public async Task AttachStagedFileAsync(long uploadId, string stagedPath, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE uploads SET staged_path = @path WHERE upload_id = @id");
        command.Parameters.AddWithValue("path", stagedPath);
        command.Parameters.AddWithValue("id", uploadId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records that an upload's staged file was removed (its upload is final).</summary>
    public async Task ForgetStagedFileAsync(long uploadId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE uploads SET staged_path = NULL WHERE upload_id = @id");
        command.Parameters.AddWithValue("id", uploadId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Uploads whose staged file is no longer needed: loaded or refused ones (removed at once, normally), and failed ones
    /// that ended before <paramref name="failedBefore"/> (kept till then for an admin to download).
    /// </summary>
    public async Task<IReadOnlyList<(long UploadId, string StagedPath)>> StagedFilesDoneWithAsync(DateTime failedBefore,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT upload_id, staged_path FROM uploads
            WHERE staged_path IS NOT NULL
              AND (status IN ('{UploadStatuses.Loaded}', '{UploadStatuses.Refused}') OR (status = '{UploadStatuses.Failed}' AND finished_at < @before))
            """);
        command.Parameters.AddWithValue("before", failedBefore);
        var files = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            files.Add((reader.GetInt64(0), reader.GetString(1)));
        return files;
    }

    /// <summary>Every staged file an upload still names.</summary>
    public async Task<IReadOnlySet<string>> StagedPathsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT staged_path FROM uploads WHERE staged_path IS NOT NULL");
        var paths = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            paths.Add(reader.GetString(0));
        return paths;
    }

    /// <summary>Publishes a job's progress on a connection of its own, outside the load's transaction.</summary>
    internal static void SetProgress(NpgsqlConnection connection, long uploadId, string? status, int percent)
    {
        using var command = new NpgsqlCommand(
            "UPDATE uploads SET status = coalesce(@status, status), progress_percent = @percent, " +
            $"started_at = coalesce(started_at, clock_timestamp()) WHERE upload_id = @id AND {UploadStatuses.InProgressSql}", connection);
        command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("percent", (short)percent);
        command.Parameters.AddWithValue("id", uploadId);
        command.ExecuteNonQuery();
    }

    /// <summary>Records the end of a load inside its transaction, so the counts commit with the facts.</summary>
    internal static Task<int> FinishAsync(NpgsqlConnection connection, long uploadId, LoadEnd end, CancellationToken cancellationToken) =>
        PgStatements.ExecuteAsync(connection, """
            UPDATE uploads SET status = @status, kind = @kind, rows_read = @read, rows_accepted = @accepted,
                rows_rejected = @rejected, rows_duplicate = @duplicates, rows_flagged = @flagged, error_text = @error,
                quality_report = @report::jsonb, progress_percent = 100, finished_at = clock_timestamp(), excel_sheet = @sheet
            WHERE upload_id = @id
            """, cancellationToken, ("status", end.Status), ("kind", end.Kind), ("read", end.RowsRead),
            ("accepted", end.RowsAccepted), ("rejected", end.RowsRejected), ("duplicates", end.RowsDuplicate),
            ("flagged", end.RowsFlagged), ("error", (object?)end.Error ?? DBNull.Value), ("report", end.QualityReportJson),
            ("sheet", (object?)end.ExcelSheet ?? DBNull.Value), ("id", uploadId));

    /// <summary>Marks a loaded upload replaced by a corrected file, inside the transaction that loads the corrected file.</summary>
    internal static Task<int> MarkReplacedAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken) =>
        PgStatements.ExecuteAsync(connection,
            $"UPDATE uploads SET status = '{UploadStatuses.Replaced}' WHERE upload_id = @id AND status = '{UploadStatuses.Loaded}' AND kind <> '{UploadKinds.Events}'",
            cancellationToken,
            ("id", uploadId));

    /// <summary>Marks an upload refused whole (the file cannot be read: nothing of it loaded), unless it is final.</summary>
    public Task RefuseAsync(long uploadId, string message, CancellationToken cancellationToken) =>
        EndUnloadedAsync(uploadId, UploadStatuses.Refused, message, cancellationToken);

    /// <summary>Marks an upload failed (nothing of it loaded; the staged file is kept for a while), unless it is final.</summary>
    public Task FailAsync(long uploadId, string message, CancellationToken cancellationToken) =>
        EndUnloadedAsync(uploadId, UploadStatuses.Failed, message, cancellationToken);

    private async Task EndUnloadedAsync(long uploadId, string status, string message, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await PgStatements.ExecuteAsync(connection, $"""
            UPDATE uploads SET status = @status, error_text = @error, progress_percent = 100, finished_at = clock_timestamp()
            WHERE upload_id = @id AND {UploadStatuses.InProgressSql}
            """, cancellationToken, ("status", status), ("error", message), ("id", uploadId));
        await DataChanges.NotifyAsync(connection, DataChanges.Uploads, cancellationToken);
    }

    /// <summary>
    /// Fails an upload that no process is loading (an admin's cancel of a stuck upload). A live load holds the upload's
    /// lock for its whole transaction, so when the lock cannot be had the upload is not stuck and is left alone.
    /// </summary>
    /// <returns>Whether the upload was cancelled.</returns>
    public async Task<bool> CancelUnlessLoadingAsync(long uploadId, string message, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await PgStatements.CountAsync(connection, "SELECT CASE WHEN pg_try_advisory_xact_lock(@id) THEN 1 ELSE 0 END", cancellationToken,
                ("id", uploadId)) == 0)
            return false;
        var changed = await PgStatements.ExecuteAsync(connection, $"""
            UPDATE uploads SET status = '{UploadStatuses.Failed}', error_text = @error, progress_percent = 100, finished_at = clock_timestamp()
            WHERE upload_id = @id AND {UploadStatuses.InProgressSql} AND kind <> '{UploadKinds.Events}'
            """, cancellationToken, ("error", message), ("id", uploadId));
        await transaction.CommitAsync(cancellationToken);
        return changed == 1;
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
            ApiKeyId = reader.IsDBNull(reader.GetOrdinal("api_key_id")) ? null : Get<int>("api_key_id"),
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
            MappingVersion = reader.IsDBNull(reader.GetOrdinal("mapping_version")) ? null : Get<int>("mapping_version"),
            RequestedSheet = Maybe<string>("requested_sheet"),
            ExcelSheet = Maybe<string>("excel_sheet"),
            ProgressPercent = Get<short>("progress_percent"),
            QualityReport = Maybe<string>("quality_report"),
            ReplacesUploadId = reader.IsDBNull(reader.GetOrdinal("replaces_upload_id")) ? null : Get<long>("replaces_upload_id"),
            ReplaceConfirmed = Get<bool>("replace_confirmed"),
        };
    }
}
