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
        // Returns and zero-price lines are refunds or giveaways, not purchases: they neither make an occasion nor
        // lower its spend.
        var days = new Dictionary<string, Dictionary<DateOnly, decimal>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Amount <= 0 || line.Day >= calibrationEnd || string.IsNullOrEmpty(line.CustomerId))
                continue;
            if (!days.TryGetValue(line.CustomerId, out var spend))
                days[line.CustomerId] = spend = [];
            spend[line.Day] = spend.GetValueOrDefault(line.Day) + line.Amount;
        }

        var summaries = new List<CustomerSummary>(days.Count);
        foreach (var (customer, spend) in days.OrderBy(d => d.Key, StringComparer.Ordinal))
            summaries.Add(Summarize(customer, spend, calibrationEnd));
        return summaries;
    }

    private static CustomerSummary Summarize(string customer, Dictionary<DateOnly, decimal> spend, DateOnly calibrationEnd)
    {
        var first = DateOnly.MaxValue;
        var last = DateOnly.MinValue;
        var total = 0m;
        foreach (var (day, amount) in spend)
        {
            first = day < first ? day : first;
            last = day > last ? day : last;
            total += amount;
        }
        var repeats = spend.Count - 1;
        var zbar = repeats == 0 ? 0.0 : (double)((total - spend[first]) / repeats);
        return new CustomerSummary(customer, repeats, Weeks(first, last), Weeks(first, calibrationEnd), zbar);
    }

    private static double Weeks(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / DaysPerWeek;
}
