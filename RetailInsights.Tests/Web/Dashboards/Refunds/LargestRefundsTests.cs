using RetailInsights.Web.Warehouse;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Dashboards.Refunds;

namespace RetailInsights.Tests.Web.Dashboards.Refunds;

/// <summary>
/// The largest refunds read each day's largest first and stop at the day's first 20 that match: on days with many more
/// refunds than that, in two stores and two categories, with tied amounts, they equal the top 20 of the facts for every
/// kind of filter.
/// </summary>
[Trait("Tier", "database")]
public sealed class LargestRefundsTests : IAsyncLifetime
{
    private static readonly DateOnly First = new(2025, 7, 1);
    private readonly PipelineFixture _pipeline = new();
    private RefundQueries _queries = null!;

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        await _pipeline.ImportAsync(_pipeline.Write("product_catalog.csv", "StockCode,Description,Category,BasePrice\n" +
            "T1,Tea,Drinks,3\nT2,Coffee,Drinks,4\nJ1,Jam,Pantry,5\nJ2,Honey,Pantry,6\n"));
        var refunds = new StringBuilder("RefundId,Invoice,StockCode,Quantity,Amount,Reason,RefundedAt,StoreId,Customer ID\n");
        string[] products = ["T1", "T2", "J1", "J2"];
        for (var i = 0; i < 360; i++)
        {
            var day = First.AddDays(i % 3);
            // Amounts repeat (ties are broken by time, then id) and each store and category has its own largest.
            var amount = (i * 37 % 101 + 1) * (i % 2 == 0 ? 1.0m : 0.5m);
            refunds.Append(CultureInfo.InvariantCulture, $"R{i},{i},{products[i % 4]},1,{amount:0.00},defective,{day:yyyy-MM-dd} {i % 12 + 8:00}:{i % 60:00},")
                .Append(i % 5 == 0 ? "S2" : "S1").Append(",C1\n");
        }
        await _pipeline.ImportAsync(_pipeline.Write("refunds.csv", refunds.ToString()));
        _queries = new RefundQueries(new DashboardDatabase(_pipeline.Database.DataSource, Options.Create(new DashboardOptions())));
    }

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    public static TheoryData<string?, string?, string?, int> Filters => new()
    {
        { null, null, null, 3 },
        { "S2", null, null, 3 },
        { null, "Pantry", null, 2 },
        { "S2", "Drinks", null, 3 },
        { null, null, "J2", 3 },
        { "S1", null, null, 1 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Largest_equalTheTop20OfTheFacts(string? store, string? category, string? product, int days)
    {
        var filter = new DashboardFilter
        {
            From = First, To = First.AddDays(days - 1), Stores = store is null ? [] : [store], Category = category, Product = product,
        };

        var largest = await _queries.LargestAsync(filter, CancellationToken.None);

        var expected = (await _pipeline.Database.ScalarAsync<string>($"""
            SELECT string_agg(refund_code, ',' ORDER BY amount DESC, refunded_at DESC, refund_id) FROM (
                SELECT r.refund_code, r.amount, r.refunded_at, r.refund_id
                FROM refunds r JOIN dim_product p USING (product_id) JOIN dim_store s USING (store_id)
                WHERE r.date_key BETWEEN {DateKeys.Of(filter.From)} AND {DateKeys.Of(filter.To)}
                  AND ({(store is null ? "TRUE" : $"s.store_code = '{store}'")}) AND ({(category is null ? "TRUE" : $"p.category = '{category}'")})
                  AND ({(product is null ? "TRUE" : $"p.stock_code = '{product}'")})
                ORDER BY r.amount DESC, r.refunded_at DESC, r.refund_id LIMIT 20) top
            """)).Split(',');
        Assert.Equal(20, expected.Length);
        Assert.Equal(expected, largest.Select(r => r.RefundCode));
    }
}
