using Npgsql;

namespace RetailInsights.Web.Ingestion.Loading;

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
        Write(status, percent);
    }

    public void Report(double value)
    {
        var percent = (int)Math.Clamp(value * 100, 0, 100);
        var now = clock.GetUtcNow();
        if (percent == _lastPercent || now - _lastWrite < TimeSpan.FromMilliseconds(500))
            return;
        _lastPercent = percent;
        _lastWrite = now;
        Write(null, percent);
    }

    private void Write(string? status, int percent) =>
        UploadsTable.SetProgress(_connection ??= dataSource.OpenConnection(), uploadId, status, percent);

    public void Dispose() => _connection?.Dispose();
}
