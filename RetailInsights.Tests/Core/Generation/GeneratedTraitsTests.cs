using RetailInsights.Core.Domain;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Generation;

/// <summary>The traits the analytics are judged on, measured in the files of a 30-day default run.</summary>
[Trait("Tier", "unit")]
public sealed class GeneratedTraitsTests(ThirtyDayDataSet data) : IClassFixture<ThirtyDayDataSet>
{
    [Fact]
    public void SaleInvoicesPerDay_stayWithin15PercentOfTheOption_andWeekendsAreBusier()
    {
        var perDay = data.SaleLines.GroupBy(t => t.FileDate).ToDictionary(g => g.Key, g => g.Select(t => t.Invoice).Distinct().Count());
        Assert.Equal(30, perDay.Count);
        Assert.All(perDay.Values, count => Assert.InRange(count, 425, 575));
        var weekend = perDay.Where(p => p.Key.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Average(p => p.Value);
        var weekday = perDay.Where(p => p.Key.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Average(p => p.Value);
        Assert.True(weekend > weekday * 1.05, $"weekend {weekend:F0}, weekday {weekday:F0}");
    }

    [Fact]
    public void SaleInvoices_followAnHourOfDayPattern_withLunchAndEveningPeaks()
    {
        var perHour = data.SaleLines.DistinctBy(t => t.Invoice).CountBy(t => t.InvoiceDate.Hour).ToDictionary();
        Assert.All(perHour.Keys, hour => Assert.InRange(hour, 7, 21));
        Assert.True(perHour[12] > 1.5 * perHour[7]);
        Assert.True(perHour[18] > 1.5 * perHour[21]);
    }

    [Fact]
    public void InvoiceNumbers_areUniqueAcrossTheDataSet_andNumeric()
    {
        var fileOfInvoice = data.SaleLines.GroupBy(t => t.Invoice).ToList();
        Assert.All(fileOfInvoice, g =>
        {
            Assert.True(g.Key.All(char.IsAsciiDigit), g.Key);
            Assert.Single(g.Select(t => (t.FileDate, t.InvoiceDate, t.CustomerId, t.StoreId)).Distinct());
        });
    }

    [Fact]
    public void SaleBaskets_holdOneToEightDistinctItems_oneLinePerItem()
    {
        var sizes = data.SaleLines.GroupBy(t => t.Invoice).Select(g =>
        {
            Assert.Equal(g.Count(), g.Select(t => t.StockCode).Distinct().Count());
            Assert.All(g, t => Assert.True(t.Quantity >= 1));
            return g.Count();
        }).ToList();
        Assert.All(sizes, size => Assert.InRange(size, 1, 8));
        Assert.Contains(1, sizes);
        Assert.Contains(8, sizes);
        Assert.InRange(sizes.Average(), 3.0, 6.0);
    }

    [Fact]
    public void SaleLines_withoutCustomer_areAbout10Percent()
    {
        var lines = data.SaleLines.ToList();
        var share = lines.Count(t => t.CustomerId == "") / (double)lines.Count;
        Assert.InRange(share, 0.08, 0.12);
        // A customer id is on every line of its invoice or on none.
        Assert.All(lines.GroupBy(t => t.Invoice), g => Assert.Single(g.Select(t => t.CustomerId).Distinct()));
    }

    [Fact]
    public void SaleLines_atZeroPrice_areAbout2Percent_andNeverAnAdminFee()
    {
        var lines = data.SaleLines.ToList();
        var zero = lines.Where(t => t.Price == 0).ToList();
        Assert.InRange(zero.Count / (double)lines.Count, 0.013, 0.027);
        Assert.DoesNotContain(zero, t => NonProductCodes.IsNonProduct(t.StockCode));
    }

    [Fact]
    public void SaleLines_withAnAdminFeeCode_areAbout1Percent_atASmallPrice()
    {
        var lines = data.SaleLines.ToList();
        var fees = lines.Where(t => NonProductCodes.GeneratorAdminFees.Contains(t.StockCode)).ToList();
        Assert.InRange(fees.Count / (double)lines.Count, 0.005, 0.015);
        Assert.All(fees, t => Assert.InRange(t.Price, 500m, 5000m));
        Assert.Equal(NonProductCodes.GeneratorAdminFees.Order(), fees.Select(t => t.StockCode).Distinct().Order());
        Assert.All(lines.Where(t => NonProductCodes.IsNonProduct(t.StockCode)), t => Assert.Contains(t.StockCode, NonProductCodes.GeneratorAdminFees));
    }

    [Fact]
    public void SaleLines_refundedThroughRefundFiles_areAbout10Percent_whereTheRefundWindowLiesInside()
    {
        // Refunds after the end date are dropped, so only lines sold at least 14 days before the end see all theirs.
        var lastFullWindow = ThirtyDayDataSet.EndDate.AddDays(-14);
        var lines = data.SaleLines.Where(t => t.FileDate <= lastFullWindow).ToList();
        var refunded = data.Refunds.Select(r => (r.Invoice, r.StockCode)).ToHashSet();
        var share = lines.Count(t => refunded.Contains((t.Invoice, t.StockCode))) / (double)lines.Count;
        Assert.InRange(share, 0.075, 0.125);
    }

    [Fact]
    public void Refunds_referToARealSaleLine_withinFourteenDays_forNoMoreThanWasSold()
    {
        var saleLines = data.SaleLines.ToDictionary(t => (t.Invoice, t.StockCode));
        Assert.Equal(data.Refunds.Count, data.Refunds.Select(r => r.RefundId).Distinct().Count());
        Assert.Equal(data.Refunds.Count, data.Refunds.Select(r => (r.Invoice, r.StockCode)).Distinct().Count());
        Assert.All(data.Refunds, r =>
        {
            var sale = saleLines[(r.Invoice, r.StockCode)];
            Assert.InRange(r.Quantity, 1, sale.Quantity);
            Assert.True(r.Amount > 0 && r.Amount <= sale.Quantity * sale.Price, $"{r.RefundId}: {r.Amount}");
            Assert.True(r.RefundedAt >= sale.InvoiceDate);
            Assert.InRange(r.FileDate.DayNumber - sale.FileDate.DayNumber, 0, 14);
            Assert.Equal(r.FileDate, DateOnly.FromDateTime(r.RefundedAt));
            Assert.True(r.FileDate <= ThirtyDayDataSet.EndDate);
            Assert.Equal(sale.StoreId, r.StoreId);
            Assert.Equal(sale.CustomerId, r.CustomerId);
        });
    }

    [Fact]
    public void RefundReasons_coverAllFiveFileReasons_unevenly_withDefectiveMostCommon()
    {
        var counts = data.Refunds.CountBy(r => r.Reason).ToDictionary();
        Assert.Equal(RefundReasons.FromRefundFiles.Order(), counts.Keys.Order());
        Assert.Equal(RefundReasons.Defective, counts.MaxBy(p => p.Value).Key);
        Assert.True(counts.Values.Max() > 2 * counts.Values.Min());
    }

    [Fact]
    public void Cancellations_areCPlusAnEarlierInvoice_withNegativeQuantitiesOfItsItems()
    {
        var sales = data.SaleLines.GroupBy(t => t.Invoice).ToDictionary(g => g.Key, g => g.ToDictionary(t => t.StockCode));
        var cancellations = data.Transactions.Where(t => t.IsCancellation).GroupBy(t => t.Invoice).ToList();
        Assert.InRange(cancellations.Count / (double)sales.Count, 0.008, 0.022);
        Assert.All(cancellations, g =>
        {
            var original = sales[g.Key[1..]];
            var originalTime = original.Values.First().InvoiceDate;
            Assert.All(g, line =>
            {
                var sold = original[line.StockCode];
                Assert.InRange(line.Quantity, -sold.Quantity, -1);
                Assert.Equal(sold.Price, line.Price);
                Assert.Equal(sold.CustomerId, line.CustomerId);
                Assert.True(line.InvoiceDate > originalTime);
            });
        });
        Assert.Contains(cancellations, g => g.First().FileDate == sales[g.Key[1..]].Values.First().FileDate);
        Assert.Contains(cancellations, g => g.First().FileDate > sales[g.Key[1..]].Values.First().FileDate);
    }
}
