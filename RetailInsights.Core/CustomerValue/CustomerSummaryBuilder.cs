namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// Turns sale lines into per-customer summaries. A purchase occasion is a distinct calendar day with at least one
/// line of positive amount; its spend is the sum of that day's amounts. Only days before the calibration end count.
/// </summary>
public static class CustomerSummaryBuilder
{
    public const double DaysPerWeek = 7.0;

    /// <summary>
    /// Summaries as of <paramref name="calibrationEnd"/> (exclusive), one per customer with an occasion before it,
    /// in customer id order (ordinal).
    /// </summary>
    public static IReadOnlyList<CustomerSummary> Build(IEnumerable<PurchaseLine> lines, DateOnly calibrationEnd)
    {
        var histories = PurchaseHistories.From(lines, calibrationEnd);
        var summaries = new CustomerSummary[histories.Customers.Length];
        for (var i = 0; i < summaries.Length; i++)
            summaries[i] = histories.Summary(i, calibrationEnd)!;
        return summaries;
    }
}
