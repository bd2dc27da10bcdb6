using RetailInsights.Web.Components.Shared;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>A headline card of the Stores page: rounded and exact figure, change against the days before, sparkline.</summary>
public sealed record StoreKpi(string Title, string Value, string Exact, string? Hint, KpiChange? Change, IReadOnlyList<decimal> Series);

/// <summary>The selected stores' headline figures, as cards.</summary>
public static class StoreKpis
{
    public static IEnumerable<StoreKpi> Cards(StoreSummaries s)
    {
        var (now, before) = (s.Current, s.Previous);
        StoreKpi Money(string title, decimal current, decimal previous, Func<StoreDay, decimal> day, bool higherIsBetter = true) =>
            new(title, Format.CompactMoney(current), Format.Money(current), null, new KpiChange(current, previous, higherIsBetter),
                s.Days.Select(day).ToList());
        yield return Money("Gross revenue", now.Gross, before.Gross, d => d.Gross);
        yield return Money("Refunds", now.Refunds, before.Refunds, d => d.Refunds, higherIsBetter: false);
        yield return Money("Net revenue", now.Net, before.Net, d => d.Net);
        yield return new StoreKpi("Transactions", Format.Count(now.Transactions), Format.Count(now.Transactions), null,
            new KpiChange(now.Transactions, before.Transactions), s.Days.Select(d => (decimal)d.Transactions).ToList());
        var density = s.Density;
        yield return density.PerSqFt is { } perSqFt
            ? new StoreKpi("Net per sq ft", Format.Money(perSqFt), Format.Money(perSqFt),
                density.StoresWithoutSize > 0 ? $"{density.StoresWithSize} of {density.StoresWithSize + density.StoresWithoutSize} stores have a size" : null,
                s.PreviousDensity.PerSqFt is { } previous ? new KpiChange(perSqFt, previous) : null, [])
            : new StoreKpi("Net per sq ft", "—", "no store size known", "upload a store locations file", null, []);
    }
}
