using Npgsql;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Infrastructure.Postgres;

namespace RetailInsights.Tests.Web.Infrastructure.Postgres;

/// <summary>An insert that skips rows already there tries the plain insert first, and loses nothing when that fails.</summary>
[Trait("Tier", "database")]
public sealed class PgStatementsTests : IAsyncLifetime
{
    private const string Insert = """
        INSERT INTO lines (code, amount) SELECT code, amount FROM (VALUES ('a', 1), ('b', 2), ('c', 3)) v (code, amount)
        ON CONFLICT DO NOTHING
        """;

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync();
        await _database.ExecuteAsync("CREATE TABLE lines (code text PRIMARY KEY, amount int NOT NULL)");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task InsertNew_allRowsNew_insertsThemAll_inTheCallersTransaction()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var inserted = await PgStatements.InsertNewAsync(connection, Insert, CancellationToken.None);
        await transaction.RollbackAsync();

        Assert.Equal(3, inserted);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM lines"));
    }

    [Fact]
    public async Task InsertNew_someRowsThere_skipsThem_keepsWhatTheTransactionDidBefore_andLeavesItUsable()
    {
        await _database.ExecuteAsync("INSERT INTO lines VALUES ('b', 20)");
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await PgStatements.ExecuteAsync(connection, "INSERT INTO lines VALUES ('0', 0)", CancellationToken.None);

        var inserted = await PgStatements.InsertNewAsync(connection, Insert, CancellationToken.None);
        await PgStatements.ExecuteAsync(connection, "INSERT INTO lines VALUES ('d', 4)", CancellationToken.None);
        await transaction.CommitAsync();

        Assert.Equal(2, inserted);
        Assert.Equal(["0:0", "a:1", "b:20", "c:3", "d:4"],
            await _database.TextsAsync("SELECT code || ':' || amount FROM lines ORDER BY code"));
    }

    [Fact]
    public async Task InsertNew_statementWithoutTheClause_runsAsWritten_andFailsAsItWould()
    {
        await _database.ExecuteAsync("INSERT INTO lines VALUES ('a', 10)");
        await using var connection = await _database.DataSource.OpenConnectionAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            PgStatements.InsertNewAsync(connection, "INSERT INTO lines VALUES ('a', 1)", CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }
}
