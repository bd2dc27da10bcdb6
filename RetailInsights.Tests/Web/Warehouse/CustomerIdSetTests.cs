using RetailInsights.Tests.Support;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Tests.Web.Warehouse;

/// <summary>
/// The customer sets as the summaries keep them ready to send: what PostgreSQL stores in <c>customer_ids_binary</c>
/// reads back as exactly the ids of <c>customer_ids</c>, and the bytes made in memory are the server's own.
/// </summary>
[Trait("Tier", "database")]
public sealed class CustomerIdSetTests
{
    [Fact]
    public async Task ServerBinaryForm_readsBackAsTheSameIds_andEqualsTheFormMadeInMemory()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var random = new Random(11);
        int[][] sets =
        [
            [],
            [1],
            [0, 63, 64, int.MaxValue],
            Enumerable.Range(0, 10_000).Select(_ => random.Next(1, 2_000_000)).Distinct().Order().ToArray(),
        ];
        foreach (var ids in sets)
        {
            await using var command = database.DataSource.CreateCommand("SELECT ri_ids_binary(@ids)");
            command.Parameters.AddWithValue("ids", ids);
            var bytes = (byte[])(await command.ExecuteScalarAsync())!;

            var set = CustomerIdSet.FromBinary(bytes);

            Assert.Equal(ids, Enumerable.Range(0, set.Count).Select(i => set[i]));
            var made = CustomerIdSet.Of(ids);
            Assert.Equal(ids, Enumerable.Range(0, made.Count).Select(i => made[i]));
            Assert.Equal(bytes, made.Bytes.ToArray());
        }
    }

    [Fact]
    public async Task SummaryColumns_followTheIdArrays_andAreStoredUncompressed()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await database.ExecuteAsync("""
            INSERT INTO agg_store_daily (date_key, store_id, retailer_id, lines, quantity, gross, invoices, customer_ids)
            VALUES (20250701, 1, 1, 1, 1, 1, 1, ARRAY(SELECT generate_series(1, 5000)));
            UPDATE agg_store_daily SET customer_ids = ri_union_sorted(customer_ids, ARRAY[7000, 7001]);
            """);

        var bytes = await database.ScalarAsync<byte[]>("SELECT customer_ids_binary FROM agg_store_daily");
        var set = CustomerIdSet.FromBinary(bytes);
        Assert.Equal(5002, set.Count);
        Assert.Equal(7001, set[5001]);
        Assert.Equal(["agg_category_daily e", "agg_store_daily e"], await database.TextsAsync("""
            SELECT attrelid::regclass::text || ' ' || attstorage::text FROM pg_attribute
            WHERE attname = 'customer_ids_binary' AND attrelid IN ('agg_store_daily'::regclass, 'agg_category_daily'::regclass)
            ORDER BY 1
            """));
        Assert.Equal("uncompressed", await database.ScalarAsync<string>(
            "SELECT coalesce(pg_column_compression(customer_ids_binary), 'uncompressed') FROM agg_store_daily"));
    }
}
