using Npgsql;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>
/// One pull of a source at a time, whatever started it (its schedule, "Pull now", the command, another app instance):
/// a PostgreSQL advisory lock on (pulls, source) held on a connection of its own, so a crashed pull frees it.
/// </summary>
public sealed class PullLock : IAsyncDisposable
{
    private const int Pulls = 0x50554C4C; // "PULL"; the two-key lock space is apart from the uploads' one-key locks
    private readonly NpgsqlConnection _connection;
    private readonly int _retailerId;

    private PullLock(NpgsqlConnection connection, int retailerId) => (_connection, _retailerId) = (connection, retailerId);

    /// <returns>The lock, or null when another pull of the source holds it.</returns>
    public static async Task<PullLock?> TryTakeAsync(NpgsqlDataSource dataSource, int retailerId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@pulls, @source)", connection);
            take.Parameters.AddWithValue("pulls", Pulls);
            take.Parameters.AddWithValue("source", retailerId);
            if ((bool)(await take.ExecuteScalarAsync(cancellationToken))!)
                return new PullLock(connection, retailerId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@pulls, @source)", _connection);
        release.Parameters.AddWithValue("pulls", Pulls);
        release.Parameters.AddWithValue("source", _retailerId);
        await release.ExecuteNonQueryAsync();
        await _connection.DisposeAsync();
    }
}
