using System.Globalization;
using RetailInsights.Core.Domain;
using RetailInsights.Core.Generation;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Generation;

/// <summary>90 days of demo data generated once into a temporary folder and read back from the files.</summary>
public sealed class GeneratedDataSet : IDisposable
{
    public static readonly DateOnly EndDate = new(2025, 12, 31);
    public const int Days = 90;

    public GeneratedDataSet()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ri-gen-" + Guid.NewGuid().ToString("N"));
        Summary = new DemoDataGenerator().Generate(new GeneratorOptions { Days = Days, EndDate = EndDate, Seed = 7 }, Directory);
        Sales = System.IO.Directory.GetFiles(Directory, "transactions_*.csv").Order()
            .SelectMany(f => SimpleCsv.Read(f).Rows).ToList();
        Refunds = System.IO.Directory.GetFiles(Directory, "refunds_*.csv").Order()
            .SelectMany(f => SimpleCsv.Read(f).Rows).ToList();
    }

    public string Directory { get; }

    public GenerationSummary Summary { get; }

    public List<Dictionary<string, string>> Sales { get; }

    public List<Dictionary<string, string>> Refunds { get; }

    public IEnumerable<Dictionary<string, string>> SaleLines => Sales.Where(r => !r["Invoice"].StartsWith('C'));

    /// <summary>Baskets as the miner sees them: sale invoices without returns, fee lines or zero-price lines.</summary>
    public List<HashSet<string>> MiningBaskets() => SaleLines
        .Where(r => Price(r) > 0 && !NonProductCodes.IsNonProduct(r["StockCode"]))
        .GroupBy(r => r["Invoice"])
        .Select(g => g.Select(r => r["StockCode"]).ToHashSet())
        .ToList();

    public static decimal Price(Dictionary<string, string> row) => decimal.Parse(row["Price"], CultureInfo.InvariantCulture);

    public static int Quantity(Dictionary<string, string> row) => int.Parse(row["Quantity"], CultureInfo.InvariantCulture);

    public static DateTime At(Dictionary<string, string> row, string column) =>
        DateTime.ParseExact(row[column], CsvLayouts.TimestampFormat, CultureInfo.InvariantCulture);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
