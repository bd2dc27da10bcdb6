using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Data;

[Trait("Tier", "database")]
public sealed class MigrationTests
{
    private static readonly string[] StarSchemaTables =
        ["dim_date", "dim_product", "dim_customer", "dim_store", "dim_retailer", "fact_sales", "refunds", "uploads", "rejected_rows"];

    [Fact]
    public async Task MigrateCommand_emptyDatabase_createsStarSchemaAndIsIdempotent()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var output = new StringWriter();

        var first = await CommandLine.RunAsync(["migrate"], output, output, Configuration(database));
        var second = await CommandLine.RunAsync(["migrate"], output, output, Configuration(database));

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains("Applied", output.ToString());
        Assert.Contains("Database is up to date.", output.ToString());
        foreach (var table in StarSchemaTables)
            Assert.Equal(1L, await database.ScalarAsync<long>(
                $"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '{table}'"));
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrations_factSales_haveTheIndexesReadsNeed_andNoMoreBTreesThanThat()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var indexes = new List<string>();
        await using (var command = database.DataSource.CreateCommand(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'fact_sales'"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                indexes.Add(reader.GetString(0));

        foreach (var dayColumn in new[] { "date_key", "invoiced_at" })
            Assert.Contains(indexes, i => i.Contains($"USING brin ({dayColumn})", StringComparison.Ordinal));
        // The natural key is the primary key: a line arriving twice is refused, and no surrogate id costs an index.
        Assert.Contains(indexes, i => i.Contains(
            "UNIQUE INDEX pk_fact_sales ON public.fact_sales USING btree (retailer_id, invoice, product_id, invoiced_at, quantity, unit_price, line_occurrence)",
            StringComparison.Ordinal));
        // A load reads its own lines back by upload, which a BRIN index cannot do on pages not yet vacuumed.
        Assert.Contains(indexes, i => i.Contains("USING btree (upload_id)", StringComparison.Ordinal));
        // Every b-tree costs the biggest load its maintenance: only the natural key and the append-only upload index.
        Assert.Equal(2, indexes.Count(i => i.Contains("USING btree", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Migrations_refunds_haveTheIndexesReadsNeed_andNoForeignKeys()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();

        var indexes = await database.TextsAsync("SELECT indexname FROM pg_indexes WHERE tablename = 'refunds' ORDER BY 1");
        var key = await database.TextsAsync("SELECT indexdef FROM pg_indexes WHERE indexname = 'pk_refunds'");
        var foreignKeys = await database.ScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE conrelid = 'refunds'::regclass AND contype = 'f'");

        // The natural key, a day's largest (Refunds page), a customer's (customer page) and an upload's (replacement).
        Assert.Equal(["ix_refunds_customer_id", "ix_refunds_day_largest_first", "ix_refunds_upload_id", "pk_refunds"], indexes);
        Assert.EndsWith("(retailer_id, refund_code, product_id, refunded_at, quantity, amount, line_occurrence)", Assert.Single(key),
            StringComparison.Ordinal);
        Assert.Equal(0L, foreignKeys);
    }

    [Fact]
    public async Task Model_hasNoChangesMissingAMigration()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), "the EF model changed without a migration: run dotnet ef migrations add");
    }

    private static IConfiguration Configuration(TestDatabase database) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RetailInsights"] = database.ConnectionString })
        .Build();
}
