namespace RetailInsights.Core.Generation;

/// <summary>What a generator run wrote.</summary>
public sealed record GenerationSummary(
    IReadOnlyList<string> Files,
    long Invoices,
    long Lines,
    long Refunds,
    long Cancellations,
    int Customers);
