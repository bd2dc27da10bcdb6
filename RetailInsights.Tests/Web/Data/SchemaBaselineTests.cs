using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Data.Migrations;
using RetailInsights.Web.Data.Schema;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Data;

/// <summary>The EF model, the InitialSchema baseline with its Data/Schema files, and a database built from them agree.</summary>
[Trait("Tier", "database")]
public sealed class SchemaBaselineTests
{
    private static readonly string ExpectedSchemaPath = Path.Combine(AppContext.BaseDirectory, "TestData", "Schema", "expected-schema.txt");

    [Fact]
    public void Baseline_runsEverySchemaFile_once()
    {
        Assert.Equal(InitialSchema.SchemaFiles.Length, InitialSchema.SchemaFiles.Distinct().Count());
        Assert.Equal(SchemaScripts.Names().Order(StringComparer.Ordinal), InitialSchema.SchemaFiles.Order(StringComparer.Ordinal));
        Assert.Contains("CREATE TABLE agg_store_daily", SchemaScripts.Read("agg_store_daily"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The committed description was read from a database built by the 21 migrations the baseline replaced, so this
    /// also shows the squash lost nothing. It fails when a Data/Schema file or the model changes without the schema
    /// changing in step: a later change is a migration, after which the description is updated from the test's output.
    /// </summary>
    [Fact]
    public async Task MigratedDatabase_equalsTheCommittedSchema()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();

        var actual = await SchemaDescription.ReadAsync(database);

        var expected = (await File.ReadAllTextAsync(ExpectedSchemaPath)).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (actual != expected)
        {
            var written = Path.Combine(Path.GetTempPath(), "retailinsights-actual-schema.txt");
            await File.WriteAllTextAsync(written, actual);
            Assert.Fail($"The migrated schema differs from TestData/Schema/expected-schema.txt; the actual one is in {written} " +
                "(diff them; after a deliberate change made by a migration, copy it over the expected one).");
        }
    }

    [Fact]
    public async Task MigratedDatabase_hasEveryTableColumnIndexAndKeyTheModelNames()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateDbContext();
        var columns = (await database.TextsAsync(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'")).ToHashSet();
        var indexes = (await database.TextsAsync("SELECT tablename || '.' || indexname FROM pg_indexes WHERE schemaname = 'public'")).ToHashSet();
        var missing = new List<string>();
        var checkedColumns = 0;

        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = $"{table.Name}.{property.GetColumnName(table)}";
                checkedColumns++;
                if (!columns.Contains(column))
                    missing.Add("column " + column);
            }
            foreach (var index in entity.GetIndexes().Select(i => $"{table.Name}.{i.GetDatabaseName(table)}")
                         .Concat(entity.GetKeys().Select(k => $"{table.Name}.{k.GetName(table)}")))
                if (!indexes.Contains(index))
                    missing.Add("index " + index);
        }

        Assert.Empty(missing);
        Assert.True(checkedColumns > 100, $"only {checkedColumns} columns were checked");
    }

    [Fact]
    public async Task MigrateCommand_databaseFromBeforeTheBaseline_isRefusedWithTheResetCommand_andLeftAlone()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await database.ExecuteAsync("""
            CREATE TABLE __ef_migrations_history (migration_id varchar(150) PRIMARY KEY, product_version varchar(32) NOT NULL);
            INSERT INTO __ef_migrations_history VALUES ('20261123051301_InitialSchema', '10.0.15'), ('20261207204238_ApiKeysScoped', '10.0.15');
            CREATE TABLE dim_store (store_id integer PRIMARY KEY);
            """);
        var output = new StringWriter();

        var exit = await CommandLine.RunAsync(["migrate"], output, output, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RetailInsights"] = database.ConnectionString })
            .Build());

        Assert.NotEqual(0, exit);
        Assert.Contains("predates the schema baseline", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("./run.sh --reset", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM __ef_migrations_history"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'fact_sales'"));
    }
}
