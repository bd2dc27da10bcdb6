using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Generation;

/// <summary>Customers spread from loyal to lapsed, so that RFM segmentation finds every segment.</summary>
[Trait("Tier", "unit")]
public sealed class CustomerSpreadTests(NinetyDayDataSet data) : IClassFixture<NinetyDayDataSet>
{
    [Fact]
    public void Customers_overNinetyDays_includeLapsedFrequentAndNewOnes()
    {
        var end = data.Options.EndDate;
        var customers = data.SaleLines.Where(t => t.CustomerId != "").GroupBy(t => t.CustomerId).Select(g => (
            First: g.Min(t => t.FileDate),
            Last: g.Max(t => t.FileDate),
            Invoices: g.Select(t => t.Invoice).Distinct().Count(),
            Spend: g.Sum(t => t.Quantity * t.Price))).ToList();
        Assert.True(customers.Count > 400, $"{customers.Count} customers");

        var lapsed = customers.Count(c => end.DayNumber - c.Last.DayNumber > 45);
        var frequent = customers.Count(c => c.Invoices >= 10);
        var newcomers = customers.Count(c => end.DayNumber - c.First.DayNumber < 14);
        var onceOrTwice = customers.Count(c => c.Invoices <= 2);
        Assert.True(lapsed >= customers.Count * 0.05, $"{lapsed} lapsed");
        Assert.True(frequent >= customers.Count * 0.10, $"{frequent} with 10+ invoices");
        Assert.True(newcomers >= customers.Count * 0.03, $"{newcomers} new in the last 14 days");
        Assert.True(onceOrTwice >= customers.Count * 0.02, $"{onceOrTwice} with at most two invoices");

        var spends = customers.Select(c => c.Spend).Order().ToList();
        Assert.True(spends[spends.Count * 9 / 10] > 5 * spends[spends.Count / 10], "spend does not spread");
    }

    [Fact]
    public void TopCustomers_buySeveralTimesAWeek_withBiggerBaskets()
    {
        var perCustomer = data.SaleLines.Where(t => t.CustomerId != "").GroupBy(t => t.CustomerId).Select(g => (
            Invoices: g.Select(t => t.Invoice).Distinct().Count(), Lines: g.Count())).OrderByDescending(c => c.Invoices).ToList();
        var top = perCustomer.Take(perCustomer.Count / 20).ToList();
        Assert.True(top.Min(c => c.Invoices) >= 2 * 90 / 7, "top customers buy less than twice a week");
        var topBasket = top.Sum(c => c.Lines) / (double)top.Sum(c => c.Invoices);
        var allBasket = perCustomer.Sum(c => c.Lines) / (double)perCustomer.Sum(c => c.Invoices);
        Assert.True(topBasket > allBasket, $"top {topBasket:F2} vs all {allBasket:F2}");
    }
}
