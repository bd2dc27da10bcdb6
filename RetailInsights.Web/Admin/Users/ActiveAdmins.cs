using Npgsql;
using RetailInsights.Web.Security;

namespace RetailInsights.Web.Admin.Users;

/// <summary>
/// Keeps one active (not disabled) admin at least. A change that could take the last one away holds a transaction-level
/// advisory lock while it checks and acts, so two admins demoting each other at the same moment (two pages, a page and
/// the users command, two instances) are taken one after the other and the second is refused.
/// </summary>
public sealed class ActiveAdmins : IAsyncDisposable
{
    private const long Key = 0x52_49_41_44_4D_49_4E; // "RIADMIN"
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private ActiveAdmins(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        (_connection, _transaction) = (connection, transaction);

    public static async Task<ActiveAdmins> LockAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
            take.Parameters.AddWithValue("key", Key);
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new ActiveAdmins(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Refuses a change that would leave no active admin: <paramref name="userId"/> is about to stop being one (demoted
    /// or disabled). Read from the database, not from a context that may hold the users as they were.
    /// </summary>
    /// <exception cref="InvalidOperationException">The user is the last active admin.</exception>
    public async Task RefuseLosingLastAsync(string userId, string email, string change, CancellationToken cancellationToken = default)
    {
        // Disabled means locked out for ever (DateTimeOffset.MaxValue, stored as infinity or the year 9999).
        await using var count = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE u.id <> @id), count(*) FILTER (WHERE u.id = @id)
            FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
            WHERE r.normalized_name = @admin AND (u.lockout_end IS NULL OR u.lockout_end < '9999-01-01')
            """, _connection, _transaction);
        count.Parameters.AddWithValue("id", userId);
        count.Parameters.AddWithValue("admin", Roles.Admin.ToUpperInvariant());
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (others, isActiveAdmin) = (reader.GetInt64(0), reader.GetInt64(1) > 0);
        if (isActiveAdmin && others == 0)
            throw new InvalidOperationException(
                $"{email} is the last active admin: {change} would leave nobody to manage users. Make another user an admin first. Nothing was changed.");
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.CommitAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
