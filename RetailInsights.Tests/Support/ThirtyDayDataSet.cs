using RetailInsights.Core.Generation;

namespace RetailInsights.Tests.Support;

/// <summary>The default options over 30 days (about 15,000 invoices), shared by the tests of one class.</summary>
public sealed class ThirtyDayDataSet() : GeneratedDataSet(new GeneratorOptions { EndDate = EndDate })
{
    public static readonly DateOnly EndDate = new(2025, 6, 30);
}
