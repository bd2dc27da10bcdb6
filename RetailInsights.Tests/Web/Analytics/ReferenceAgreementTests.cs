using System.Globalization;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Analytics.Inputs;

namespace RetailInsights.Tests.Web.Analytics;

/// <summary>
/// What the analytics read, computed in PostgreSQL from files loaded through the real pipeline, must equal what R
/// computed from the same files: the baskets (reference/baskets_long.csv) and RFM customer by customer (rfm.csv).
/// </summary>
[Trait("Tier", "database")]
public sealed class ReferenceAgreementTests(OnlineRetailSampleFixture sample) : IClassFixture<OnlineRetailSampleFixture>
{
    [Fact]
    public async Task Baskets_withNonProductCodes_equalTheReferenceBaskets()
    {
        var reference = SimpleCsv.Read(ReferenceData.Path("online-retail-sample", "reference", "baskets_long.csv")).Rows
            .Select(r => (r["Invoice"], r["StockCode"])).ToHashSet();
        var source = new BasketSource(sample.Pipeline.Database.DataSource);

        var ours = new HashSet<(string, string)>();
        await foreach (var pair in source.StreamAsync(new BasketQuery { IncludeNonProducts = true }, CancellationToken.None))
            ours.Add(pair);

        Assert.Equal(1943, ours.Select(p => p.Item1).Distinct().Count());
        Assert.Equal(3146, ours.Select(p => p.Item2).Distinct().Count());
        Assert.Empty(reference.Except(ours));
        Assert.Empty(ours.Except(reference));
    }

    [Fact]
    public async Task Baskets_byDefault_leaveNonProductCodesOut()
    {
        var source = new BasketSource(sample.Pipeline.Database.DataSource);
        var codes = new HashSet<string>();
        await foreach (var (_, stockCode) in source.StreamAsync(new BasketQuery(), CancellationToken.None))
            codes.Add(stockCode);

        Assert.DoesNotContain("POST", codes);
        Assert.DoesNotContain("M", codes);
        Assert.Contains("85123A", codes);
    }

    [Fact]
    public async Task Rfm_asOfTheDayAfterTheLastInvoice_equalsTheReferenceCustomerByCustomer()
    {
        var reference = SimpleCsv.Read(ReferenceData.Path("online-retail-sample", "reference", "rfm.csv")).Rows
            .ToDictionary(r => r["CustomerID"].Replace(".0", ""), r => (
                int.Parse(r["Recency"], CultureInfo.InvariantCulture),
                int.Parse(r["Frequency"], CultureInfo.InvariantCulture),
                decimal.Parse(r["Monetary"], CultureInfo.InvariantCulture)));
        var source = new RfmSource(sample.Pipeline.Database.DataSource);

        var asOf = await source.DefaultAsOfAsync(CancellationToken.None);
        var ours = await source.ComputeAsync(asOf, CancellationToken.None);

        Assert.Equal(new DateOnly(2025, 7, 24), asOf);
        Assert.Equal(1036, ours.Count);
        var mismatches = ours.Where(v => !reference.TryGetValue(v.CustomerId, out var r) || r != (v.RecencyDays, v.Frequency, v.Monetary))
            .Select(v => $"{v.CustomerId}: ours {v.RecencyDays}/{v.Frequency}/{v.Monetary}").Take(10).ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Rfm_asOfAnEarlierDay_seesOnlyWhatThatDaySaw()
    {
        var source = new RfmSource(sample.Pipeline.Database.DataSource);
        var early = await source.ComputeAsync(new DateOnly(2025, 7, 1), CancellationToken.None);
        var expectedCustomers = await sample.Pipeline.Database.ScalarAsync<long>(
            "SELECT count(DISTINCT customer_id) FROM fact_sales WHERE unit_price > 0 AND customer_id IS NOT NULL AND invoiced_at < '2025-07-01'");

        Assert.Equal(expectedCustomers, early.Count);
        Assert.All(early, v => Assert.InRange(v.RecencyDays, 1, 5));
    }

    [Fact]
    public async Task ExportBasketsCommand_writesExactlyTheReferenceBaskets()
    {
        var path = Path.Combine(sample.Pipeline.Folder, "baskets.csv");
        var output = new StringWriter();
        var exit = await RetailInsights.Web.Composition.CommandLine.RunAsync(
            ["export", "baskets", "--out", path, "--with-non-products"], output, output, sample.Pipeline.Configuration());

        Assert.True(exit == 0, output.ToString());
        var exported = SimpleCsv.Read(path);
        var reference = SimpleCsv.Read(ReferenceData.Path("online-retail-sample", "reference", "baskets_long.csv"));
        Assert.Equal(["Invoice", "StockCode"], exported.Header);
        Assert.Equal(reference.Rows.Select(r => (r["Invoice"], r["StockCode"])).Order(), exported.Rows.Select(r => (r["Invoice"], r["StockCode"])).Order());
        Assert.Contains("1,943 baskets", output.ToString());
    }
}
