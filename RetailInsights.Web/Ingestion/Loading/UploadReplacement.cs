using System.Globalization;
using Npgsql;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure.Postgres;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// A corrected file taking the place of a loaded upload, inside the transaction that loads the corrected file: the old
/// upload's sales and refunds are deleted and the summaries of the days × stores they touched recomputed from the facts
/// left, before the new rows go in (so a line in both files is the new file's, not a duplicate). A crash or a refused
/// new file rolls all of it back: the old rows stay. The old upload stays in the history, marked replaced; the new one
/// says which it replaced, who and when.
/// </summary>
public static class UploadReplacement
{
    /// <summary>How the message of a replacement that waits for the uploader's confirmation begins.</summary>
    public const string NeedsConfirmation = "The corrected file was not loaded: ";

    /// <summary>What the replaced upload held: its days and its source system, to compare with the new file's.</summary>
    internal sealed record Removed(long UploadId, int[] Days, string RetailerCode, string FileName);

    /// <exception cref="ReplacementRefusedException">The upload to replace is not loaded (or was replaced already), or is a live
    /// feed (see <see cref="LiveFeeds"/>).</exception>
    internal static async Task<Removed> RemoveAsync(NpgsqlConnection connection, long oldUploadId, CancellationToken cancellationToken)
    {
        await using (var read = new NpgsqlCommand("SELECT status, retailer_code, file_name, kind FROM uploads WHERE upload_id = @old FOR UPDATE",
                         connection))
        {
            read.Parameters.AddWithValue("old", oldUploadId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                throw new ReplacementRefusedException($"There is no upload #{oldUploadId} to replace.");
            var (status, retailer, file) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            if (LiveFeeds.Is(reader.GetString(3)))
                throw new ReplacementRefusedException(LiveFeeds.Refusal(oldUploadId));
            if (status != UploadStatuses.Loaded)
                throw new ReplacementRefusedException($"Upload #{oldUploadId} ({file}) is {status}, not loaded: there is nothing of it to replace.");
            await reader.CloseAsync();
            (string, object)[] old = [("old", oldUploadId)];
            await PgStatements.ExecuteAsync(connection, """
                CREATE TEMP TABLE replaced_cells ON COMMIT DROP AS
                SELECT date_key, store_id FROM fact_sales WHERE upload_id = @old
                UNION SELECT date_key, store_id FROM refunds WHERE upload_id = @old
                """, cancellationToken, old);
            var days = await DaysAsync(connection, "SELECT DISTINCT date_key FROM replaced_cells", cancellationToken);
            await PgStatements.ExecuteAsync(connection, "DELETE FROM fact_sales WHERE upload_id = @old", cancellationToken, old);
            await PgStatements.ExecuteAsync(connection, "DELETE FROM refunds WHERE upload_id = @old", cancellationToken, old);
            await Summaries.RecomputeCellsAsync(connection, days, cancellationToken);
            await UploadsTable.MarkReplacedAsync(connection, oldUploadId, cancellationToken);
            return new Removed(oldUploadId, days, retailer, file);
        }
    }

    /// <summary>
    /// Why the new file may not replace the old without the uploader's confirmation — it covers other days, or comes
    /// from another source system — or null when it matches.
    /// </summary>
    internal static async Task<string?> DifferenceAsync(NpgsqlConnection connection, Removed removed, long newUploadId, string retailerCode,
        CancellationToken cancellationToken)
    {
        var days = await DaysAsync(connection, """
            SELECT date_key FROM fact_sales WHERE upload_id = @new UNION SELECT date_key FROM refunds WHERE upload_id = @new
            """, cancellationToken, ("new", newUploadId));
        var differences = new List<string>();
        if (!days.Order().SequenceEqual(removed.Days.Order()))
            differences.Add($"it covers {Describe(days)}, while upload #{removed.UploadId} ({removed.FileName}) covered {Describe(removed.Days)}");
        if (!string.Equals(retailerCode, removed.RetailerCode, StringComparison.Ordinal))
            differences.Add($"it comes from source system '{retailerCode}', upload #{removed.UploadId} from '{removed.RetailerCode}'");
        return differences.Count == 0 ? null
            : $"{NeedsConfirmation}{string.Join("; ", differences)}. Nothing was changed; confirm to replace anyway " +
              $"(the upload page's \"Replace anyway\", or import --replaces {removed.UploadId} --confirm).";
    }

    private static string Describe(int[] days) => days.Length switch
    {
        0 => "no day",
        1 => Day(days[0]),
        _ => $"{days.Length} days from {Day(days.Min())} to {Day(days.Max())}",
    };

    private static string Day(int dateKey) =>
        DateKeys.Day(dateKey).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<int[]> DaysAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(array_agg(date_key ORDER BY date_key), '{{}}') FROM ({sql}) d", connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (int[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>A replacement that cannot or may not go ahead; the message says why and what to do.</summary>
public sealed class ReplacementRefusedException(string message) : Exception(message);
