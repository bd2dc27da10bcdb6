using Microsoft.Extensions.Options;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Dashboards.Refunds;

namespace RetailInsights.Tests.Web.Dashboards.Refunds;

/// <summary>
/// The Refunds page's queries on files loaded through the pipeline, where a product is refunded on a day it did not sell
/// (its sale was the day before) and one day has nothing at all.
/// </summary>
[Trait("Tier", "database")]
public sealed class RefundQueriesTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private static readonly DateOnly SaleDay = new(2025, 7, 1);
    private static readonly DateOnly RefundDay = new(2025, 7, 2);
    private readonly PipelineFixture _pipeline = new();
    private RefundQueries _queries = null!;

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        await _pipeline.ImportAsync(_pipeline.Write("sales.csv", Header +
            "1,P1,Tea,2,2025-07-01 10:00,3.00,C1,UK,S1\n2,P2,Jam,1,2025-07-01 11:00,4.50,C2,UK,S1\n" +
            "3,P2,Jam,2,2025-07-02 09:00,4.50,C2,UK,S1\n4,P2,Jam,4,2025-07-02 09:30,4.50,C3,UK,S2\n"));
        await _pipeline.ImportAsync(_pipeline.Write("refunds.csv", "RefundId,Invoice,StockCode,Quantity,Amount,Reason,RefundedAt,StoreId,Customer ID\n" +
            "R1,1,P1,1,3.00,defective,2025-07-02 12:00,S1,C1\nR2,3,P2,1,4.50,changed_mind,2025-07-02 13:00,S1,C2\n"));
        _queries = new RefundQueries(new DashboardDatabase(_pipeline.Database.DataSource, Options.Create(new DashboardOptions())));
    }

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private static DashboardFilter Day(DateOnly day) => new() { From = day, To = day };

    [Fact]
    public async Task ByProduct_aProductRefundedOnADayItDidNotSell_isListedWithoutARate_andCountsInTheViewsRate()
    {
        var products = await _queries.ByProductAsync(Day(RefundDay), CancellationToken.None);

        Assert.Equal(["P2", "P1"], products.Rows.Select(r => r.Key));
        Assert.Equal(("Jam", new RefundTotals(1, 4.50m, 27.00m)), (products.Rows[0].Label, products.Rows[0].Totals));
        Assert.Equal(1 / 6.0, products.Rows[0].Totals.Rate!.Value, 12);
        Assert.Equal(new RefundTotals(1, 3.00m, 0m), products.Rows[1].Totals);
        Assert.Null(products.Rows[1].Totals.Rate);
        Assert.Equal(new RefundTotals(2, 7.50m, 27.00m), products.All);
        Assert.Equal(["P2"], RefundRates.Charted(products.Rows).Select(r => r.Key));
    }

    [Fact]
    public async Task Headline_comparesWithTheDayBefore_andADayWithNothingHasNoRate()
    {
        var headline = await _queries.HeadlineAsync(Day(RefundDay), CancellationToken.None);
        var quiet = await _queries.HeadlineAsync(Day(new DateOnly(2025, 7, 5)), CancellationToken.None);

        Assert.Equal(new RefundTotals(2, 7.50m, 27.00m), headline.Current);
        Assert.Equal(new RefundTotals(0, 0m, 10.50m), headline.Previous);
        Assert.Equal(0.0, headline.Previous.Rate);
        Assert.Equal([new RateDay(RefundDay, headline.Current)], headline.Days);
        Assert.Equal(RefundTotals.None, quiet.Current);
        Assert.Null(quiet.Current.Rate);
        Assert.Empty((await _queries.ByProductAsync(Day(new DateOnly(2025, 7, 5)), CancellationToken.None)).Rows);
    }

    [Fact]
    public async Task ByStoreAndReason_rateEachAgainstWhatSoldThere_storesWithoutRefundsIncluded()
    {
        var stores = await _queries.ByStoreAsync(Day(RefundDay), CancellationToken.None);
        var reasons = await _queries.ByReasonAsync(Day(RefundDay), CancellationToken.None);

        Assert.Equal([("S1", new RefundTotals(2, 7.50m, 9.00m)), ("S2", new RefundTotals(0, 0m, 18.00m))], stores.Rows.Select(r => (r.Key, r.Totals)));
        Assert.Equal([("changed_mind", "Changed their mind", 4.50m), ("defective", "Defective", 3.00m)],
            reasons.Rows.Select(r => (r.Key, r.Label, r.Totals.Refunded)));
        Assert.All(reasons.Rows, r => Assert.Equal(27.00m, r.Totals.Sold));
        Assert.Equal(reasons.All.Rate!.Value, reasons.Rows.Sum(r => r.Totals.Rate!.Value), 12);
    }

    [Fact]
    public async Task AProductFilter_narrowsRefundsAndSales_toThatProduct_evenWhenItSoldNothing()
    {
        var tea = Day(RefundDay) with { Product = "P1" };

        var headline = await _queries.HeadlineAsync(tea, CancellationToken.None);
        var stores = await _queries.ByStoreAsync(tea, CancellationToken.None);
        var largest = await _queries.LargestAsync(tea, CancellationToken.None);

        Assert.Equal(new RefundTotals(1, 3.00m, 0m), headline.Current);
        Assert.Equal(new RefundTotals(0, 0m, 6.00m), headline.Previous);
        Assert.Null(headline.Current.Rate);
        Assert.Equal([("S1", new RefundTotals(1, 3.00m, 0m))], stores.Rows.Select(r => (r.Key, r.Totals)));
        Assert.Equal(["R1"], largest.Select(r => r.RefundCode));
        Assert.Equal(new ProductName("P1", "Tea"), await _queries.ProductAsync("P1", CancellationToken.None));
    }

    [Fact]
    public async Task AnUnknownProduct_givesEmptyFigures_notAnError()
    {
        var unknown = Day(RefundDay) with { Product = "NO-SUCH-CODE'; --" };

        Assert.Equal(RefundTotals.None, (await _queries.HeadlineAsync(unknown, CancellationToken.None)).Current);
        Assert.Empty((await _queries.ByProductAsync(unknown, CancellationToken.None)).Rows);
        Assert.Empty((await _queries.ByStoreAsync(unknown, CancellationToken.None)).Rows);
        Assert.Empty(await _queries.LargestAsync(unknown, CancellationToken.None));
        Assert.Null(await _queries.ProductAsync(unknown.Product!, CancellationToken.None));
    }

    [Fact]
    public async Task Largest_areTheRangesRefundsByAmount_withTheirInvoiceProductAndStore()
    {
        var largest = await _queries.LargestAsync(Day(RefundDay), CancellationToken.None);

        Assert.Equal([("R2", "3", "P2", "Jam", "S1", 4.50m, "changed_mind"), ("R1", "1", "P1", "Tea", "S1", 3.00m, "defective")],
            largest.Select(r => (r.RefundCode, r.Invoice, r.StockCode, r.Product, r.StoreCode, r.Amount, r.Reason)));
        Assert.Empty(await _queries.LargestAsync(Day(SaleDay), CancellationToken.None));
    }
}
