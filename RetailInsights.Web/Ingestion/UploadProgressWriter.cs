using Npgsql;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Publishes a job's progress on its own connection, outside the load's transaction, so the upload page sees
/// "parsing 40%" while the load itself stays invisible until it commits. Writes at most twice a second.
/// </summary>
internal sealed class UploadProgressWriter(NpgsqlDataSource dataSource, long uploadId, TimeProvider clock) : IProgress<double>, IDisposable
{
    private NpgsqlConnection? _connection;
    private int _lastPercent = -1;
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    public void SetStatus(string status, int percent)
    {
        _lastPercent = percent;
        _lastWrite = clock.GetUtcNow();
        Execute(status, percent);
    }

    public void Report(double value)
    {
        var percent = (int)Math.Clamp(value * 100, 0, 100);
        var now = clock.GetUtcNow();
        if (percent == _lastPercent || now - _lastWrite < TimeSpan.FromMilliseconds(500))
            return;
        _lastPercent = percent;
        _lastWrite = now;
        Execute(null, percent);
    }

    private void Execute(string? status, int percent)
    {
        _connection ??= dataSource.OpenConnection();
        using var command = new NpgsqlCommand(
            "UPDATE uploads SET status = coalesce(@status, status), progress_percent = @percent, " +
            "started_at = coalesce(started_at, clock_timestamp()) WHERE upload_id = @id", _connection);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        command.Parameters.AddWithValue("percent", (short)percent);
        command.Parameters.AddWithValue("id", uploadId);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection?.Dispose();
}
