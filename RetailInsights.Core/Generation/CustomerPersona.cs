namespace RetailInsights.Core.Generation;

/// <summary>
/// A kind of shopper. <see cref="VisitWeight"/> is how often they shop relative to others while active;
/// new customers start late in the period and lapsed ones stop early, so RFM finds every segment.
/// </summary>
internal sealed record CustomerPersona(string Name, double Share, double VisitWeight, int ExtraItems)
{
    public static readonly IReadOnlyList<CustomerPersona> All =
    [
        new("champion", 0.08, 12, 2),
        new("loyal", 0.15, 5, 1),
        new("regular", 0.25, 2, 0),
        new("occasional", 0.30, 0.6, 0),
        new("new", 0.10, 3, 0),
        new("lapsed", 0.12, 3, 0),
    ];
}
