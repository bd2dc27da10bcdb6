using RetailInsights.Core.Domain;
using RetailInsights.Web.Dashboards.Refunds;

namespace RetailInsights.Tests.Web.Dashboards.Refunds;

/// <summary>The refund rate's arithmetic: refunded ÷ sold, and what it says when nothing sold.</summary>
[Trait("Tier", "unit")]
public sealed class RefundRatesTests
{
    private static RateRow Row(string key, decimal refunded, decimal sold) => new(key, "Product " + key, key, new RefundTotals(1, refunded, sold));

    [Fact]
    public void Of_refundedAndSold_isRefundedOverSold()
    {
        Assert.Equal(0.025, RefundRates.Of(25m, 1000m));
        Assert.Equal("2.50%", RefundRates.Text(RefundRates.Of(25m, 1000m)));
        Assert.Equal(0.0, RefundRates.Of(0m, 1000m));
    }

    [Fact]
    public void Of_aProductRefundedButNotSoldInTheRange_hasNoRate_notAnInfiniteOne()
    {
        var unsold = Row("P1", refunded: 300m, sold: 0m);

        Assert.Null(unsold.Totals.Rate);
        Assert.Equal("no sales", RefundRates.Text(unsold.Totals.Rate));
    }

    [Fact]
    public void Of_zeroSoldAndZeroRefunded_hasNoRate()
    {
        Assert.Null(RefundTotals.None.Rate);
        Assert.Null(RefundRates.Of(0m, 0m));
    }

    [Fact]
    public void Of_refundsOfSalesMadeBeforeTheRange_canExceedTheWhole()
    {
        Assert.Equal(1.5, RefundRates.Of(15m, 10m));
        Assert.Equal("150.00%", RefundRates.Text(1.5));
    }

    [Fact]
    public void Charted_leavesOutRowsWithoutARate_andPutsTheHighestRateFirst()
    {
        var rows = new[] { Row("A", 10m, 1000m), Row("B", 50m, 0m), Row("C", 30m, 1000m), Row("D", 10m, 1000m) };

        var charted = RefundRates.Charted(rows);

        Assert.Equal(["C", "A", "D"], charted.Select(r => r.Key));
    }

    [Theory]
    [InlineData(0.0325, 0.02, "▲ 1.25 pts")]
    [InlineData(0.02, 0.0325, "▼ 1.25 pts")]
    [InlineData(0.02, 0.02, "no change in points")]
    [InlineData(0.02, null, "nothing sold to compare with")]
    [InlineData(null, 0.02, "nothing sold to compare with")]
    public void PointsChange_isInPercentagePoints(double? current, double? previous, string expected) =>
        Assert.Equal(expected, RefundRates.PointsChange(current, previous));

    [Fact]
    public void Days_giveEveryDayOfTheRange_andADayWithNothingHasNoRate()
    {
        var from = new DateOnly(2026, 11, 1);
        var byDay = new Dictionary<DateOnly, RefundTotals>
        {
            [from] = new(2, 20m, 1000m),
            [from.AddDays(2)] = new(1, 5m, 0m),
            [from.AddDays(-1)] = new(9, 90m, 900m),
        };

        var days = RefundRates.Days(from, from.AddDays(3), byDay);

        Assert.Equal(Enumerable.Range(0, 4).Select(i => from.AddDays(i)), days.Select(d => d.Day));
        Assert.Equal(new double?[] { 0.02, null, null, null }, days.Select(d => d.Totals.Rate));
        Assert.Equal(new RefundTotals(3, 25m, 1000m), RefundRates.Sum(byDay, from, from.AddDays(3)));
    }

    [Fact]
    public void ReasonName_putsEveryReasonCodeInWords()
    {
        var names = RefundReasons.All.Select(RefundRates.ReasonName).ToList();

        Assert.All(names, name => Assert.DoesNotContain("_", name));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("Damaged in shipping", RefundRates.ReasonName(RefundReasons.DamagedShipping));
    }

    [Fact]
    public void Csv_ofABreakdown_hasPlainNumbers_anEmptyRateWithoutSales_andQuotedNames()
    {
        var breakdown = new RateBreakdown([new RateRow("P1", "Tea, green", "P1", new RefundTotals(3, 1234.5m, 0m)), Row("P2", 25m, 1000m)],
            new RefundTotals(4, 1259.5m, 1000m));

        var csv = RefundCsv.Breakdown("StockCode", breakdown);

        Assert.Equal("StockCode,Name,Refunds,Refunded,Sold,RefundRate\r\nP1,\"Tea, green\",3,1234.5,0,\r\nP2,Product P2,1,25,1000,0.025\r\n", csv);
        Assert.Equal(csv, Uri.UnescapeDataString(RefundCsv.DataUri(csv)["data:text/csv;charset=utf-8,".Length..]));
    }
}
