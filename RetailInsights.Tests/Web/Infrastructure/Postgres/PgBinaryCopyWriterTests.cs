using Npgsql;
using NpgsqlTypes;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Infrastructure.Postgres;

namespace RetailInsights.Tests.Web.Infrastructure.Postgres;

/// <summary>
/// The sales' own binary COPY writer against a real PostgreSQL: every value it writes reads back as the same value
/// Npgsql's importer writes, and a writer given up on leaves nothing behind.
/// </summary>
[Trait("Tier", "database")]
public sealed class PgBinaryCopyWriterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync();
        await _database.ExecuteAsync("""
            CREATE TABLE ours (n integer, invoice varchar(64), big bigint, amount numeric, price numeric(12,3), at timestamp, flag boolean);
            CREATE TABLE theirs (LIKE ours)
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static readonly decimal[] Amounts =
    [
        0m, 0.000m, -0m, 1m, -1m, 0.5m, 0.001m, -0.001m, 4400m, 4400.000m, 12345.678m, 9999.9999m, 10000m, 100000000m, 0.0001m,
        0.00001m, 1.2345678m, -987654321.123m, 79228162514264337593543950335m, -79228162514264337593543950335m,
        0.0000000000000000000000000001m, 12m * 3.250m, decimal.Parse("1E-3", System.Globalization.NumberStyles.Float),
    ];

    [Fact]
    public async Task ValuesOfEveryType_readBackAsNpgsqlsImporterWritesThem()
    {
        var at = new DateTime(2025, 7, 1, 9, 30, 15).AddTicks(1234560);
        var rows = Amounts.Select((amount, i) => (N: i, Invoice: i % 4 == 0 ? $"C{500000 + i}" : $"Kwitansi-ü-€-{i}", Big: (long)i << 40,
            Amount: amount, Price: Math.Round(Math.Abs(amount) % 1_000_000m, 3), At: at.AddDays(-400 * i), Flag: i % 2 == 0)).ToList();
        await using var connection = await _database.DataSource.OpenConnectionAsync();

        using (var ours = PgBinaryCopyWriter.Begin(connection, "COPY ours FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                ours.StartRow(7);
                if (row.N == 3)
                    ours.Null();
                else
                    ours.Int32(row.N);
                ours.Text(row.Invoice);
                ours.Int64(row.Big);
                ours.Numeric(row.Amount);
                ours.Numeric(row.Price);
                ours.Timestamp(row.At);
                ours.Boolean(row.Flag);
            }
            ours.Complete();
        }
        using (var theirs = connection.BeginBinaryImport("COPY theirs FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                theirs.StartRow();
                if (row.N == 3)
                    theirs.WriteNull();
                else
                    theirs.Write(row.N, NpgsqlDbType.Integer);
                theirs.Write(row.Invoice, NpgsqlDbType.Varchar);
                theirs.Write(row.Big, NpgsqlDbType.Bigint);
                theirs.Write(row.Amount, NpgsqlDbType.Numeric);
                theirs.Write(row.Price, NpgsqlDbType.Numeric);
                theirs.Write(row.At, NpgsqlDbType.Timestamp);
                theirs.Write(row.Flag, NpgsqlDbType.Boolean);
            }
            theirs.Complete();
        }

        const string Rows = "SELECT string_agg(t::text, E'\\n' ORDER BY big) FROM {0} t";
        var written = await _database.ScalarAsync<string>(string.Format(Rows, "ours"));
        Assert.Equal(await _database.ScalarAsync<string>(string.Format(Rows, "theirs")), written);
        Assert.Equal(rows.Count, await _database.ScalarAsync<long>("SELECT count(*) FROM ours"));
        // The exact decimals, scale included, as .NET prints them.
        Assert.Equal(Amounts.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await _database.TextsAsync("SELECT amount::text FROM ours ORDER BY big"));
        Assert.Equal(at, await _database.ScalarAsync<DateTime>("SELECT at FROM ours WHERE n = 0"));
    }

    [Fact]
    public async Task RowTheTableRefuses_failsTheCopyWhole_andAWriterLeftUncompletedCopiesNothing()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        void Write(PgBinaryCopyWriter copy, int n, decimal price)
        {
            copy.StartRow(7);
            copy.Int32(n);
            copy.Text("500001");
            copy.Int64(n);
            copy.Numeric(price);
            copy.Numeric(price);
            copy.Timestamp(new DateTime(2025, 7, 1));
            copy.Boolean(true);
        }

        var refused = Assert.Throws<PostgresException>(() =>
        {
            using var copy = PgBinaryCopyWriter.Begin(connection, "COPY ours FROM STDIN (FORMAT BINARY)");
            Write(copy, 1, 1.5m);
            // numeric(12,3) holds at most 9 digits before the point.
            Write(copy, 2, 1_000_000_000m);
            copy.Complete();
        });
        using (var abandoned = PgBinaryCopyWriter.Begin(connection, "COPY ours FROM STDIN (FORMAT BINARY)"))
            Write(abandoned, 3, 2m);

        Assert.Equal(PostgresErrorCodes.NumericValueOutOfRange, refused.SqlState);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM ours"));
        await using var after = new NpgsqlCommand("SELECT 41 + 1", connection);
        Assert.Equal(42, await after.ExecuteScalarAsync());
    }
}
