using Npgsql;

namespace RetailInsights.Web.Infrastructure.Postgres;

/// <summary>
/// A step inside the caller's transaction that a unique key may refuse: the cheap way in when its rows are new (a plain
/// insert, a COPY), whose caller takes the careful way when they are not. It runs under a savepoint, so a unique
/// violation undoes the step alone and the transaction carries on as it stood before it.
/// </summary>
internal static class UniqueAttempt
{
    /// <param name="savepoint">The savepoint's name, distinct from any the caller holds.</param>
    /// <returns>True when the step ran whole; false when a unique violation undid it.</returns>
    public static async Task<bool> RunAsync(NpgsqlConnection connection, string savepoint, Func<Task> step,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, $"SAVEPOINT {savepoint}", cancellationToken);
        try
        {
            await step();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await ExecuteAsync(connection, $"ROLLBACK TO SAVEPOINT {savepoint}", cancellationToken);
            return false;
        }
        await ExecuteAsync(connection, $"RELEASE SAVEPOINT {savepoint}", cancellationToken);
        return true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
