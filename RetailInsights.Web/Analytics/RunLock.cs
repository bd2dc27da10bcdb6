using Npgsql;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// One analytics run at a time, whatever started it (the daily schedule, uploads, an admin, a back-fill, the analyze
/// command, another app instance): a PostgreSQL advisory lock held on a connection of its own for the whole run, so a
/// crashed run frees it with its connection.
/// </summary>
public sealed class RunLock : IAsyncDisposable
{
    private const long Key = 0x52_49_41_4E_41_4C_59; // "RIANALY"
    private readonly NpgsqlConnection _connection;

    private RunLock(NpgsqlConnection connection, DateTime requestedAt)
    {
        _connection = connection;
        RequestedAt = requestedAt;
    }

    /// <summary>When the run was asked for, on the database's clock (the runs' own timestamps are the database's too).</summary>
    public DateTime RequestedAt { get; }

    /// <summary>Waits until no other run holds the lock, then holds it.</summary>
    public static async Task<RunLock> AcquireAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var now = new NpgsqlCommand("SELECT clock_timestamp()", connection);
            var requestedAt = (DateTime)(await now.ExecuteScalarAsync(cancellationToken))!;
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            take.Parameters.AddWithValue("key", Key);
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new RunLock(connection, requestedAt);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the connection would free the lock too; unlocking first returns the pooled connection clean.
        await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
        release.Parameters.AddWithValue("key", Key);
        await release.ExecuteNonQueryAsync();
        await _connection.DisposeAsync();
    }
}
