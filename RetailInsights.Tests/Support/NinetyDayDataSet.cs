using RetailInsights.Core.Generation;

namespace RetailInsights.Tests.Support;

/// <summary>A smaller shop over 90 days, long enough for customers to lapse and new ones to appear.</summary>
public sealed class NinetyDayDataSet() : GeneratedDataSet(
    new GeneratorOptions { EndDate = new DateOnly(2025, 9, 30), Days = 90, InvoicesPerDay = 150, Customers = 600, Seed = 7 });
