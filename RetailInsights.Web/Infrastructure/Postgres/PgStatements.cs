using Npgsql;

namespace RetailInsights.Web.Infrastructure.Postgres;

/// <summary>
/// Statements on a connection of the caller's own (a load's, a batch of live events'), which EF's context does not share:
/// no command timeout, since a load's statements take as long as its file.
/// </summary>
internal static class PgStatements
{
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string SkipLoaded = "ON CONFLICT DO NOTHING";

    /// <summary>
    /// Runs an insert that ends in <c>ON CONFLICT DO NOTHING</c> as a plain insert first, under a savepoint: where all its
    /// rows are new, as in most loads, that spares each row the speculative insert the clause costs (a third of a
    /// refund's insert). When a row is already there, the plain insert is undone and the statement runs as written,
    /// skipping those rows. Any other statement runs as it is.
    /// </summary>
    /// <returns>The number of rows inserted.</returns>
    public static async Task<int> InsertNewAsync(NpgsqlConnection connection, string insert, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        var statement = insert.TrimEnd();
        if (!statement.EndsWith(SkipLoaded, StringComparison.Ordinal))
            return await ExecuteAsync(connection, insert, cancellationToken, parameters);
        var inserted = 0;
        if (await UniqueAttempt.RunAsync(connection, "plain_insert",
                async () => inserted = await ExecuteAsync(connection, statement[..^SkipLoaded.Length], cancellationToken, parameters),
                cancellationToken))
            return inserted;
        return await ExecuteAsync(connection, insert, cancellationToken, parameters);
    }

    public static async Task<long> CountAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        // A statement takes only the parameters it names; the caller may offer more.
        foreach (var (name, value) in parameters)
            if (sql.Contains("@" + name, StringComparison.Ordinal))
                command.Parameters.AddWithValue(name, value);
        return command;
    }
}
