namespace RetailInsights.Web.Analytics.Inputs;

/// <summary>Which sales become baskets: a date window, and whether fee and postage lines count as items.</summary>
public sealed record BasketQuery
{
    /// <summary>Last day of the window (default: the latest day with sales).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Days in the window, ending on <see cref="To"/> (default 365).</summary>
    public int Days { get; init; } = 365;

    /// <summary>Mining leaves fees and postage out; a comparison with a reference that kept them turns this on.</summary>
    public bool IncludeNonProducts { get; init; }

    /// <summary>The baskets an analytics run mines: the window's days before its as-of day (that day's sales not yet in).</summary>
    public static BasketQuery MinedAsOf(DateOnly asOf, int windowDays) => new() { To = asOf.AddDays(-1), Days = windowDays };
}
