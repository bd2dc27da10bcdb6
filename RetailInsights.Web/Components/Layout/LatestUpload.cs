using Npgsql;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Components.Layout;

/// <summary>The latest upload that ended, when it failed or was refused: what the banner on every page tells managers.</summary>
public sealed record FailedLatestUpload(long UploadId, string FileName, string Status, string? Error);

/// <summary>
/// Reads the latest upload that ended (loaded, failed or refused; a file still loading has not said yet), by the
/// uploads key backwards: one index lookup, past at most the few files still in flight. A source's live-events row
/// (kind 'events', made by its first event) is no file and is passed over: it must neither hide nor raise the banner.
/// </summary>
public sealed class LatestUploadQuery(NpgsqlDataSource dataSource)
{
    public async Task<FailedLatestUpload?> FailedAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT upload_id, file_name, status, error_text FROM uploads
            WHERE status IN ('{UploadStatuses.Loaded}', '{UploadStatuses.Failed}', '{UploadStatuses.Refused}') AND kind <> '{UploadKinds.Events}'
            ORDER BY upload_id DESC LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetString(2) == UploadStatuses.Loaded)
            return null;
        return new FailedLatestUpload(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }
}
