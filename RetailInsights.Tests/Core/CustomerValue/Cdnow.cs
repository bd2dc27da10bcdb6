using System.Globalization;
using RetailInsights.Core.CustomerValue;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.CustomerValue;

/// <summary>The CDNOW sample of the customer-base papers, as committed in the reference data.</summary>
internal static class Cdnow
{
    /// <summary>The published 39-week calibration summary: 2,357 customers, times in weeks, T to 1997-09-30.</summary>
    public static readonly Lazy<IReadOnlyList<CustomerSummary>> Summary = new(() =>
        File.ReadLines(ReferenceData.Path("cdnow", "cdnow_customers_summary.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => new CustomerSummary(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), Number(f[2]), Number(f[3]), Number(f[4])))
            .ToList());

    /// <summary>Every purchase of the sample as sale lines, the customer named by the sample id.</summary>
    public static IEnumerable<PurchaseLine> Purchases() =>
        File.ReadLines(ReferenceData.Path("cdnow", "CDNOW_sample.txt"))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new PurchaseLine(int.Parse(f[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture), decimal.Parse(f[4], CultureInfo.InvariantCulture)));

    /// <summary>The papers' BG/NBD estimates.</summary>
    public static readonly BgNbdParameters Published = new(0.243, 4.414, 0.793, 2.426);

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
