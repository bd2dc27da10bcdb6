namespace RetailInsights.Web.Dashboards.Stores;

public enum UnusualKind
{
    Store,
    Product,
}

/// <summary>A store's or product's day whose gross revenue departs from its previous 28 days.</summary>
public sealed record UnusualDay(UnusualKind Kind, string Code, string Label, DateOnly Date, decimal Value, decimal Expected, double RobustZ)
{
    public bool IsHigh => Value > Expected;
}

/// <summary>One page of the unusual days, and how many there are in all.</summary>
public sealed record UnusualDaysPage(IReadOnlyList<UnusualDay> Items, int Total);

/// <summary>
/// The orders the unusual-days grid offers, by column name (anything else falls back to the default: latest day
/// first, largest departure first), and the page asked for.
/// </summary>
public static class UnusualDayOrder
{
    public const int MaxPageSize = 100;

    public static readonly IReadOnlyList<string> Columns =
        [nameof(UnusualDay.Date), nameof(UnusualDay.Kind), nameof(UnusualDay.Label), nameof(UnusualDay.Value), nameof(UnusualDay.Expected),
         nameof(UnusualDay.RobustZ)];

    public static UnusualDaysPage Page(IReadOnlyCollection<UnusualDay> days, string? sortBy, bool descending, int page, int pageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        IOrderedEnumerable<UnusualDay> sorted = sortBy switch
        {
            nameof(UnusualDay.Kind) => By(days, d => d.Kind, descending),
            nameof(UnusualDay.Label) => By(days, d => d.Label, descending, StringComparer.OrdinalIgnoreCase),
            nameof(UnusualDay.Value) => By(days, d => d.Value, descending),
            nameof(UnusualDay.Expected) => By(days, d => d.Expected, descending),
            nameof(UnusualDay.RobustZ) => By(days, d => d.RobustZ, descending),
            nameof(UnusualDay.Date) => By(days, d => d.Date, descending),
            _ => days.OrderByDescending(d => d.Date),
        };
        var items = sorted.ThenByDescending(d => Math.Abs(d.RobustZ)).ThenBy(d => d.Kind).ThenBy(d => d.Code, StringComparer.Ordinal)
            .Skip(page * pageSize).Take(pageSize).ToList();
        return new UnusualDaysPage(items, days.Count);
    }

    private static IOrderedEnumerable<UnusualDay> By<TKey>(IEnumerable<UnusualDay> days, Func<UnusualDay, TKey> key, bool descending,
        IComparer<TKey>? comparer = null) =>
        descending ? days.OrderByDescending(key, comparer) : days.OrderBy(key, comparer);
}
