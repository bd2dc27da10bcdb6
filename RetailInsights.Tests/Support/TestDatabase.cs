using Microsoft.EntityFrameworkCore;
using Npgsql;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Schema;

namespace RetailInsights.Tests.Support;

/// <summary>
/// A database of its own for one test, dropped afterwards. Migrated databases are cloned from a template that is
/// migrated once per schema version, so a clean database costs a CREATE DATABASE, not a migration run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _templateName;
    private NpgsqlDataSource? _dataSource;

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = PostgresServer.ConnectionStringFor(name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource => _dataSource ??= NpgsqlDataSource.Create(ConnectionString);

    public static async Task<TestDatabase> CreateEmptyAsync() => await CreateAsync(template: null);

    public static async Task<TestDatabase> CreateMigratedAsync() => await CreateAsync(await EnsureTemplateAsync());

    public RetailInsightsDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<RetailInsightsDbContext>();
        DatabaseSetup.Configure(options, DataSource);
        return new RetailInsightsDbContext(options.Options);
    }

    /// <summary>A test's reference queries read whole tables by definition; a loaded machine may need minutes for one.</summary>
    private const int ReferenceQuerySeconds = 300;

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = ReferenceQuerySeconds;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The first column of every row, as text, in the query's order.</summary>
    public async Task<List<string>> TextsAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = ReferenceQuerySeconds;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = ReferenceQuerySeconds;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = await PostgresServer.OpenAdminConnectionAsync();
        // A loaded machine (CI beside other jobs) can take more than the default 30 s to end the sessions and drop.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin) { CommandTimeout = 300 };
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<TestDatabase> CreateAsync(string? template)
    {
        var database = new TestDatabase($"ri_test_{Guid.NewGuid():N}");
        await using var admin = await PostgresServer.OpenAdminConnectionAsync();
        var from = template is null ? "" : $" TEMPLATE \"{template}\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"{from}", admin);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateName is not null)
                return _templateName;
            var name = TemplateName();
            await using var admin = await PostgresServer.OpenAdminConnectionAsync();
            // Another test process may be building the same template: one builds it, the others wait.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(4242)", admin))
                await lockCommand.ExecuteNonQueryAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", name);
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
                await BuildTemplateAsync(admin, name);
            await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(4242)", admin))
                await unlock.ExecuteNonQueryAsync();
            return _templateName = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task BuildTemplateAsync(NpgsqlConnection admin, string name)
    {
        var building = new TestDatabase(name + "_building");
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{building.Name}\" WITH (FORCE)", admin))
            await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{building.Name}\"", admin))
            await create.ExecuteNonQueryAsync();
        await using (var db = building.CreateDbContext())
            await db.Database.MigrateAsync();
        await building.DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var rename = new NpgsqlCommand($"ALTER DATABASE \"{building.Name}\" RENAME TO \"{name}\"", admin);
        await rename.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Named for every migration, not the latest alone: a branch merged with an older-dated migration must not reuse a
    /// template built without it (a persistent local cluster keeps templates between runs); and for the text of the
    /// Data/Schema files the migrations run, so an edited one is not hidden by a template built before.
    /// </summary>
    private static string TemplateName()
    {
        // Listing migrations reads the assembly only; the data source is never opened.
        using var dataSource = NpgsqlDataSource.Create(PostgresServer.AdminConnectionString);
        var options = new DbContextOptionsBuilder<RetailInsightsDbContext>();
        DatabaseSetup.Configure(options, dataSource);
        using var db = new RetailInsightsDbContext(options.Options);
        var migrations = db.Database.GetMigrations().ToList();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("\n", migrations.Concat(SchemaScripts.Names().Order(StringComparer.Ordinal)
                .Select(SchemaScripts.Read))))))[..12];
        return $"ri_template_{migrations[^1][..14]}_{hash}";
    }
}
