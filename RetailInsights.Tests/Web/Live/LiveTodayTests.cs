using RetailInsights.Tests.Support;
using RetailInsights.Web.Live;

namespace RetailInsights.Tests.Web.Live;

/// <summary>
/// The Live page's "today so far" from the summaries, on files loaded through the pipeline: a day's gross, refunds and
/// transactions equal SQL on that day's facts, and the day before (which has refunds too) is left out.
/// </summary>
[Trait("Tier", "database")]
public sealed class LiveTodayTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private const string RefundHeader = "RefundId,Invoice,StockCode,Quantity,Amount,Reason,RefundedAt,StoreId,Customer ID\n";
    private readonly PipelineFixture _pipeline = new();

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        await _pipeline.ImportAsync(_pipeline.Write("sales.csv", Header +
            "1,P1,Tea,2,2025-07-01 10:00,3.00,C1,UK,S1\n2,P2,Jam,1,2025-07-02 11:00,4.50,C2,UK,S1\n" +
            "3,P2,Jam,2,2025-07-02 09:00,4.50,C2,UK,S2\n3,P1,Tea,1,2025-07-02 09:00,3.00,C2,UK,S2\n"));
        await _pipeline.ImportAsync(_pipeline.Write("refunds.csv", RefundHeader +
            "R1,1,P1,1,3.00,defective,2025-07-01 12:00,S1,C1\nR2,2,P2,1,4.50,changed_mind,2025-07-02 13:00,S1,C2\n" +
            "R3,3,P2,1,4.50,defective,2025-07-02 14:00,S2,C2\n"));
    }

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    [Fact]
    public async Task Today_equalsSqlOnThatDaysFacts_acrossStores()
    {
        var live = new LiveQueries(_pipeline.Database.DataSource, new FixedClock(new DateTimeOffset(2025, 7, 2, 18, 0, 0, TimeSpan.Zero)));

        var today = (await live.SnapshotAsync(CancellationToken.None)).Today;

        Assert.Equal(new DateOnly(2025, 7, 2), today.Day);
        Assert.Equal(await _pipeline.Database.ScalarAsync<decimal>("SELECT sum(amount) FROM refunds WHERE date_key = 20250702"), today.Refunds);
        Assert.Equal(9.00m, today.Refunds);
        Assert.Equal(await _pipeline.Database.ScalarAsync<decimal>("SELECT sum(line_amount) FROM fact_sales WHERE date_key = 20250702"), today.Gross);
        Assert.Equal(2, today.Transactions);
        Assert.Equal(1, today.Customers);
    }
}
