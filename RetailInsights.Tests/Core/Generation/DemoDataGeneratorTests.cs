using RetailInsights.Core.Domain;
using RetailInsights.Core.Generation;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Generation;

public sealed class DemoDataGeneratorTests(GeneratedDataSet data) : IClassFixture<GeneratedDataSet>
{
    [Fact]
    public void Generate_sameOptionsTwice_writesByteIdenticalFiles_otherSeedDiffers()
    {
        var options = new GeneratorOptions { Days = 5, EndDate = new DateOnly(2025, 3, 9), Seed = 11, InvoicesPerDay = 120 };
        var first = TempDirectory();
        var second = TempDirectory();
        var other = TempDirectory();
        try
        {
            var summary = new DemoDataGenerator().Generate(options, first);
            new DemoDataGenerator().Generate(options, second);
            new DemoDataGenerator().Generate(options with { Seed = 12 }, other);

            Assert.Equal(Directory.GetFiles(first).Order(), summary.Files.Order());
            Assert.Equal(5, summary.Files.Count(f => Path.GetFileName(f).StartsWith("transactions_")));
            foreach (var file in Directory.GetFiles(first))
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(second, Path.GetFileName(file))));
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "transactions_2025-03-09.csv")),
                File.ReadAllBytes(Path.Combine(other, "transactions_2025-03-09.csv")));
        }
        finally
        {
            foreach (var dir in new[] { first, second, other })
                Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Generate_writesEveryKindWithItsCanonicalHeader()
    {
        Assert.Equal(CsvLayouts.ProductCatalog, SimpleCsv.Read(Path.Combine(data.Directory, "product_catalog.csv")).Header);
        Assert.Equal(CsvLayouts.StoreLocations, SimpleCsv.Read(Path.Combine(data.Directory, "store_locations.csv")).Header);
        var transactions = Directory.GetFiles(data.Directory, "transactions_*.csv");
        var refunds = Directory.GetFiles(data.Directory, "refunds_*.csv");
        Assert.Equal(GeneratedDataSet.Days, transactions.Length);
        Assert.NotEmpty(refunds);
        Assert.All(transactions, f => Assert.Equal(CsvLayouts.Transactions, SimpleCsv.Read(f).Header));
        Assert.All(refunds, f => Assert.Equal(CsvLayouts.Refunds, SimpleCsv.Read(f).Header));
        Assert.Equal(data.Sales.Count, data.Summary.Lines);
        Assert.Equal(data.Refunds.Count, data.Summary.Refunds);
    }

    [Fact]
    public void Catalog_andStores_areAMinimarketChainInSeveralCitiesAndRegions()
    {
        var catalog = SimpleCsv.Read(Path.Combine(data.Directory, "product_catalog.csv")).Rows;
        var stores = SimpleCsv.Read(Path.Combine(data.Directory, "store_locations.csv")).Rows;

        Assert.True(catalog.Count >= 40, $"{catalog.Count} products");
        Assert.True(catalog.Select(p => p["Category"]).Distinct().Count() >= 6);
        Assert.Contains(catalog, p => p["StockCode"] == "IND-001" && p["Description"].Contains("Indomie"));
        Assert.DoesNotContain(catalog, p => NonProductCodes.IsNonProduct(p["StockCode"]));
        Assert.True(stores.Count >= 3);
        Assert.Equal(stores.Count, stores.Select(s => s["City"]).Distinct().Count());
        Assert.Equal(stores.Count, stores.Select(s => s["Region"]).Distinct().Count());
        Assert.Equal(stores.Select(s => s["StoreId"]).Order(), data.Sales.Select(s => s["StoreId"]).Distinct().Order());
    }

    [Fact]
    public void Invoices_areAboutFiveHundredADay_withOneToEightProductsEach()
    {
        var perDay = data.SaleLines.GroupBy(r => r["InvoiceDate"][..10]).Select(g => g.Select(r => r["Invoice"]).Distinct().Count()).ToList();
        var sizes = data.SaleLines.Where(r => !NonProductCodes.IsNonProduct(r["StockCode"]))
            .GroupBy(r => r["Invoice"]).Select(g => g.Count()).ToList();

        Assert.Equal(GeneratedDataSet.Days, perDay.Count);
        Assert.InRange(perDay.Average(), 425, 575);
        Assert.All(perDay, n => Assert.InRange(n, 350, 650));
        Assert.Equal(1, sizes.Min());
        Assert.Equal(8, sizes.Max());
    }

    [Fact]
    public void PlantedAssociations_haveTheirConfidenceAndLiftAboveOne()
    {
        var baskets = data.MiningBaskets();
        foreach (var rule in DemoCatalog.PlantedAssociations)
        {
            var withAntecedent = baskets.Count(b => b.Contains(rule.Antecedent));
            var withBoth = baskets.Count(b => b.Contains(rule.Antecedent) && b.Contains(rule.Consequent));
            var consequentSupport = baskets.Count(b => b.Contains(rule.Consequent)) / (double)baskets.Count;
            var confidence = withBoth / (double)withAntecedent;

            Assert.InRange(confidence, rule.Probability - 0.03, rule.Probability + 0.03);
            Assert.True(confidence / consequentSupport > 1, $"{rule.Antecedent}→{rule.Consequent} lift {confidence / consequentSupport}");
        }
    }

    [Fact]
    public void Lines_carryTheRealWorldShares_ofAnonymousZeroPriceAndFeeLines()
    {
        var lines = data.SaleLines.ToList();
        double Share(Func<Dictionary<string, string>, bool> predicate) => lines.Count(predicate) / (double)lines.Count;

        Assert.InRange(Share(r => r["Customer ID"] == ""), 0.08, 0.12);
        Assert.InRange(Share(r => GeneratedDataSet.Price(r) == 0), 0.013, 0.027);
        Assert.InRange(Share(r => NonProductCodes.GeneratorAdminFees.Contains(r["StockCode"])), 0.005, 0.015);
    }

    [Fact]
    public void Refunds_coverAboutATenthOfSaleLines_withEveryReason_andMatchTheirSale()
    {
        var sales = data.SaleLines.Where(r => GeneratedDataSet.Price(r) > 0 && !NonProductCodes.IsNonProduct(r["StockCode"]))
            .ToDictionary(r => (r["Invoice"], r["StockCode"]));
        var settled = GeneratedDataSet.EndDate.AddDays(-14).ToDateTime(TimeOnly.MinValue);
        var settledSales = sales.Values.Where(r => GeneratedDataSet.At(r, "InvoiceDate") < settled).ToList();
        var refunded = data.Refunds.Select(r => (r["Invoice"], r["StockCode"])).ToHashSet();

        Assert.InRange(settledSales.Count(s => refunded.Contains((s["Invoice"], s["StockCode"]))) / (double)settledSales.Count, 0.075, 0.125);
        Assert.Equal(RefundReasons.FromRefundFiles.Order(), data.Refunds.Select(r => r["Reason"]).Distinct().Order());
        foreach (var refund in data.Refunds)
        {
            var sale = sales[(refund["Invoice"], refund["StockCode"])];
            Assert.InRange(GeneratedDataSet.Quantity(refund), 1, GeneratedDataSet.Quantity(sale));
            Assert.Equal(GeneratedDataSet.Quantity(refund) * GeneratedDataSet.Price(sale), decimal.Parse(refund["Amount"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(GeneratedDataSet.At(refund, "RefundedAt") > GeneratedDataSet.At(sale, "InvoiceDate"));
            Assert.Equal(sale["StoreId"], refund["StoreId"]);
        }
    }

    [Fact]
    public void Cancellations_areCInvoicesReturningItemsTheOriginalHeld()
    {
        var originals = data.SaleLines.GroupBy(r => r["Invoice"]).ToDictionary(g => g.Key, g => g.ToList());
        var cancellations = data.Sales.Where(r => r["Invoice"].StartsWith('C')).ToList();

        Assert.NotEmpty(cancellations);
        Assert.InRange(cancellations.Select(r => r["Invoice"]).Distinct().Count() / (double)originals.Count, 0.008, 0.025);
        foreach (var line in cancellations)
        {
            var original = originals[line["Invoice"][1..]].Single(o => o["StockCode"] == line["StockCode"]);
            Assert.InRange(GeneratedDataSet.Quantity(line), -GeneratedDataSet.Quantity(original), -1);
            Assert.True(GeneratedDataSet.At(line, "InvoiceDate") >= GeneratedDataSet.At(original, "InvoiceDate"));
        }
    }

    [Fact]
    public void Customers_spreadFromLoyalToLapsedToNew()
    {
        var byCustomer = data.SaleLines.Where(r => r["Customer ID"] != "")
            .GroupBy(r => r["Customer ID"])
            .Select(g => (
                Invoices: g.Select(r => r["Invoice"]).Distinct().Count(),
                First: g.Min(r => GeneratedDataSet.At(r, "InvoiceDate")),
                Last: g.Max(r => GeneratedDataSet.At(r, "InvoiceDate"))))
            .ToList();
        var end = GeneratedDataSet.EndDate.ToDateTime(TimeOnly.MaxValue);

        Assert.Contains(byCustomer, c => c.Invoices >= 10);
        Assert.Contains(byCustomer, c => c.Invoices == 1);
        Assert.True(byCustomer.Count(c => (end - c.Last).TotalDays > 45) >= 20, "lapsed customers");
        Assert.True(byCustomer.Count(c => (end - c.First).TotalDays < 14) >= 20, "new customers");
    }

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), "ri-gen-" + Guid.NewGuid().ToString("N"));
}
