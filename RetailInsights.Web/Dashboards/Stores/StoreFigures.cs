namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>A store as the dimension knows it; people read its name, files name its code.</summary>
public sealed record StoreProfile(string Code, string? Name, string? City, string? Region, int? SizeSqFt)
{
    /// <summary>What charts call the store: its name (with its code when another store has the same name), else its code.</summary>
    public string Label { get; init; } = Name ?? Code;

    public string RegionLabel => Region ?? "no region";
}

/// <summary>What a store (or a set of stores) sold, gave back and rang up over a period.</summary>
public sealed record StorePeriod(decimal Gross, decimal Refunds, long Transactions)
{
    public static readonly StorePeriod Zero = new(0, 0, 0);

    public decimal Net => Gross - Refunds;

    public StorePeriod Plus(StorePeriod other) => new(Gross + other.Gross, Refunds + other.Refunds, Transactions + other.Transactions);
}

/// <summary>One store's period against the one before.</summary>
public sealed record StoreSummary(StoreProfile Store, StorePeriod Current, StorePeriod Previous)
{
    public decimal? NetPerSqFt => SalesDensity.PerSquareFoot(Current.Net, Store.SizeSqFt);

    public decimal? PreviousNetPerSqFt => SalesDensity.PerSquareFoot(Previous.Net, Store.SizeSqFt);
}

/// <summary>One day of the selected stores, for the headline sparklines.</summary>
public sealed record StoreDay(DateOnly Day, decimal Gross, decimal Refunds, long Transactions)
{
    public decimal Net => Gross - Refunds;
}

/// <summary>
/// The Stores page's headline: each store with sales or refunds in either period, their totals, and the period's
/// days.
/// </summary>
public sealed record StoreSummaries(IReadOnlyList<StoreSummary> Stores, IReadOnlyList<StoreDay> Days)
{
    public StorePeriod Current => Stores.Aggregate(StorePeriod.Zero, (total, s) => total.Plus(s.Current));

    public StorePeriod Previous => Stores.Aggregate(StorePeriod.Zero, (total, s) => total.Plus(s.Previous));

    public SalesDensity Density => SalesDensity.Of(Stores.Select(s => (s.Current.Net, s.Store.SizeSqFt)));

    public SalesDensity PreviousDensity => SalesDensity.Of(Stores.Select(s => (s.Previous.Net, s.Store.SizeSqFt)));

    public IReadOnlyList<RegionSummary> Regions => RegionSummary.RollUp(Stores);
}

/// <summary>The stores of one region together.</summary>
public sealed record RegionSummary(string Region, IReadOnlyList<string> Cities, int Stores, StorePeriod Current, StorePeriod Previous,
    SalesDensity Density)
{
    /// <summary>Regions by net revenue, largest first; stores without a region share one line ("no region").</summary>
    public static IReadOnlyList<RegionSummary> RollUp(IEnumerable<StoreSummary> stores) => stores
        .GroupBy(s => s.Store.RegionLabel, StringComparer.Ordinal)
        .Select(region => new RegionSummary(
            region.Key,
            region.Select(s => s.Store.City).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            region.Count(),
            region.Aggregate(StorePeriod.Zero, (total, s) => total.Plus(s.Current)),
            region.Aggregate(StorePeriod.Zero, (total, s) => total.Plus(s.Previous)),
            SalesDensity.Of(region.Select(s => (s.Current.Net, s.Store.SizeSqFt)))))
        .OrderByDescending(r => r.Current.Net).ThenBy(r => r.Region, StringComparer.Ordinal)
        .ToList();
}
