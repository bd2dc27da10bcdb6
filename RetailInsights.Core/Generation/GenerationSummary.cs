namespace RetailInsights.Core.Generation;

/// <summary>What a generator run wrote.</summary>
/// <param name="Files">Full paths of every file written: catalog, stores, then each day's transactions and refunds.</param>
/// <param name="FirstDate">The first day generated.</param>
/// <param name="EndDate">The last day generated.</param>
/// <param name="Invoices">Sale invoices (cancellation invoices not counted).</param>
/// <param name="Lines">Transaction lines written, cancellation lines included.</param>
/// <param name="Refunds">Refund rows written.</param>
/// <param name="Cancellations">Cancellation (<c>C</c>) invoices written.</param>
/// <param name="Customers">Distinct customers with at least one sale invoice.</param>
public sealed record GenerationSummary(
    IReadOnlyList<string> Files,
    DateOnly FirstDate,
    DateOnly EndDate,
    long Invoices,
    long Lines,
    long Refunds,
    long Cancellations,
    int Customers)
{
    /// <summary>Number of files written.</summary>
    public int FileCount => Files.Count;
}
