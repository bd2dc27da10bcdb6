using Hangfire;
using Npgsql;
using RetailInsights.Web.Admin.Audit;
using RetailInsights.Web.Data.Entities;

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
public sealed class UploadIntake(UploadStorage storage, NpgsqlDataSource dataSource, AuditLog audit, IBackgroundJobClient? jobs = null)
{
    /// <param name="enqueue">False for the import command, which loads synchronously in its own process.</param>
    public async Task<IntakeResult> AcceptAsync(Stream content, IntakeRequest request, IProgress<long>? progress, bool enqueue,
        CancellationToken cancellationToken)
    {
        var staged = await storage.StageAsync(content, request.FileName, progress, cancellationToken);
        if (await UploadRecords.FindLoadedAsync(dataSource, staged.Sha256, cancellationToken) is { } loaded)
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

        await using var command = dataSource.CreateCommand("""
            INSERT INTO uploads (file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at, staged_path,
                requested_kind, default_store_code, date_order, retailer_code)
            VALUES (@name, @size, @sha, @kind, 'queued', @by, now(), @path, @requested, @store, @order, @retailer)
            RETURNING upload_id
            """);
        command.Parameters.AddWithValue("name", staged.OriginalName);
        command.Parameters.AddWithValue("size", staged.SizeBytes);
        command.Parameters.AddWithValue("sha", staged.Sha256);
        command.Parameters.AddWithValue("kind", request.Kind ?? UploadKinds.Unknown);
        command.Parameters.AddWithValue("by", request.UploadedBy);
        command.Parameters.AddWithValue("path", staged.Path);
        command.Parameters.AddWithValue("requested", (object?)request.Kind ?? DBNull.Value);
        command.Parameters.AddWithValue("store", (object?)NullIfBlank(request.DefaultStoreCode) ?? DBNull.Value);
        command.Parameters.AddWithValue("order", (object?)request.DateOrder ?? DBNull.Value);
        command.Parameters.AddWithValue("retailer", request.RetailerCode);
        var uploadId = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
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
        await using var find = dataSource.CreateCommand("""
            SELECT upload_id, staged_path FROM uploads
            WHERE sha256 = @sha AND status IN ('queued', 'parsing', 'loading') ORDER BY upload_id LIMIT 1
            """);
        find.Parameters.AddWithValue("sha", staged.Sha256);
        long uploadId;
        string? stagedPath;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                return null;
            uploadId = reader.GetInt64(0);
            stagedPath = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        if (stagedPath is not null && File.Exists(stagedPath))
        {
            File.Delete(staged.Path);
            return uploadId;
        }
        await using var update = dataSource.CreateCommand("UPDATE uploads SET staged_path = @path WHERE upload_id = @id");
        update.Parameters.AddWithValue("path", staged.Path);
        update.Parameters.AddWithValue("id", uploadId);
        await update.ExecuteNonQueryAsync(cancellationToken);
        return uploadId;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
