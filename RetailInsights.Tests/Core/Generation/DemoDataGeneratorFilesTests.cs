using System.Globalization;
using System.Text;
using RetailInsights.Core.Domain;
using RetailInsights.Core.Generation;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Generation;

[Trait("Tier", "unit")]
public sealed class DemoDataGeneratorFilesTests(ThirtyDayDataSet data) : IClassFixture<ThirtyDayDataSet>
{
    [Fact]
    public void Generate_thirtyDays_writesEveryFileKindWithItsCanonicalHeader()
    {
        var names = Directory.GetFiles(data.Directory).Select(Path.GetFileName).ToHashSet();
        Assert.Contains("product_catalog.csv", names);
        Assert.Contains("store_locations.csv", names);
        for (var day = ThirtyDayDataSet.EndDate.AddDays(-29); day <= ThirtyDayDataSet.EndDate; day = day.AddDays(1))
            Assert.Contains($"transactions_{day:yyyy-MM-dd}.csv", names);
        Assert.Equal(30, names.Count(n => n!.StartsWith("transactions_", StringComparison.Ordinal)));
        Assert.InRange(names.Count(n => n!.StartsWith("refunds_", StringComparison.Ordinal)), 25, 30);

        Assert.Equal(CsvLayouts.ProductCatalog, GeneratedFiles.ReadCsv(Path.Combine(data.Directory, "product_catalog.csv")).Header);
        Assert.Equal(CsvLayouts.StoreLocations, GeneratedFiles.ReadCsv(Path.Combine(data.Directory, "store_locations.csv")).Header);
        // Transactions and refunds headers are checked as they are read back by the fixture.
        Assert.NotEmpty(data.Transactions);
        Assert.NotEmpty(data.Refunds);
    }

    [Fact]
    public void Generate_thirtyDays_summaryMatchesTheFiles()
    {
        Assert.Equal(
            Directory.GetFiles(data.Directory).Order(StringComparer.Ordinal),
            data.Summary.Files.Order(StringComparer.Ordinal));
        Assert.Equal(data.Transactions.Count, data.Summary.Lines);
        Assert.Equal(data.Refunds.Count, data.Summary.Refunds);
        Assert.Equal(data.SaleLines.Select(t => t.Invoice).Distinct().Count(), data.Summary.Invoices);
        Assert.Equal(data.Transactions.Where(t => t.IsCancellation).Select(t => t.Invoice).Distinct().Count(), data.Summary.Cancellations);
        Assert.Equal(data.SaleLines.Where(t => t.CustomerId != "").Select(t => t.CustomerId).Distinct().Count(), data.Summary.Customers);
        Assert.Equal(ThirtyDayDataSet.EndDate.AddDays(-29), data.Summary.FirstDate);
    }

    [Fact]
    public void Generate_anyFile_isUtf8WithoutBomAndRfc4180Quoted()
    {
        foreach (var path in data.Summary.Files.Take(6))
        {
            var bytes = File.ReadAllBytes(path);
            Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], $"{path} starts with a BOM");
            Assert.Equal(bytes.Length, Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(bytes)));
        }
        var catalog = File.ReadAllText(Path.Combine(data.Directory, "product_catalog.csv"));
        var withComma = DemoCatalog.Products.First(p => p.Description.Contains(','));
        Assert.Contains($",\"{withComma.Description}\",", catalog);
        Assert.DoesNotContain("\"Indomie Goreng\"", catalog);
    }

    [Fact]
    public void Generate_transactionLines_useIndonesiaKnownStoresAndTwoDecimalPrices()
    {
        var storeCodes = DemoCatalog.Stores.Select(s => s.StoreCode).ToHashSet();
        Assert.All(data.Transactions, t =>
        {
            Assert.Equal("Indonesia", t.Country);
            Assert.Contains(t.StoreId, storeCodes);
            Assert.Equal(t.Price, decimal.Round(t.Price, 2));
            Assert.True(t.Price >= 0);
            Assert.Equal(t.FileDate, DateOnly.FromDateTime(t.InvoiceDate));
            Assert.InRange(t.InvoiceDate.Hour, 7, 21);
        });
    }

    [Fact]
    public void Generate_sameOptionsTwiceInAnyCulture_writesByteIdenticalFiles_andAnotherSeedDiffers()
    {
        var options = new GeneratorOptions { EndDate = new DateOnly(2025, 3, 31), Days = 6, InvoicesPerDay = 120, Customers = 400 };
        var first = TempDirectory();
        var second = TempDirectory();
        var reseeded = TempDirectory();
        try
        {
            var generator = new DemoDataGenerator();
            var summary = generator.Generate(options, first);
            var culture = CultureInfo.CurrentCulture;
            try
            {
                // Decimal commas and another calendar must not leak into the files.
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
                Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
                generator.Generate(options, second);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
            generator.Generate(options with { Seed = options.Seed + 1 }, reseeded);

            foreach (var path in summary.Files)
            {
                var name = Path.GetFileName(path);
                Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(second, name)));
            }
            Assert.Equal(Directory.GetFiles(first).Length, Directory.GetFiles(second).Length);
            var transactions = "transactions_2025-03-31.csv";
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, transactions)), File.ReadAllBytes(Path.Combine(reseeded, transactions)));
        }
        finally
        {
            foreach (var directory in new[] { first, second, reseeded })
                if (Directory.Exists(directory))
                    Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Generate_cancelledToken_throws()
    {
        var directory = TempDirectory();
        try
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => new DemoDataGenerator().Generate(
                new GeneratorOptions { EndDate = new DateOnly(2025, 1, 31), Days = 3 }, directory, cancelled.Token));
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(0, 500, 2000)]
    [InlineData(30, 0, 2000)]
    [InlineData(30, 500, 0)]
    public void Generate_outOfRangeOptions_throwsBeforeWriting(int days, int invoicesPerDay, int customers)
    {
        var directory = TempDirectory();
        var options = new GeneratorOptions { EndDate = new DateOnly(2025, 1, 31), Days = days, InvoicesPerDay = invoicesPerDay, Customers = customers };
        Assert.ThrowsAny<ArgumentException>(() => new DemoDataGenerator().Generate(options, directory));
        Assert.False(Directory.Exists(directory));
    }

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), "ri-gen-tests-" + Guid.NewGuid().ToString("N"));
}
