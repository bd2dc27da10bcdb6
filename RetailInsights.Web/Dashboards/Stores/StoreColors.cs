namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>
/// One colour per region, the same on every chart of the page; red and purple are kept for the unusual-day markers
/// so a marker never looks like a region.
/// </summary>
public static class StoreColors
{
    public const string UnusuallyHigh = "#c62828";
    public const string UnusuallyLow = "#6a1b9a";

    private static readonly string[] Palette = ["#1f77b4", "#2ca02c", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];

    /// <summary>Regions in name order take the palette's colours in turn.</summary>
    public static IReadOnlyDictionary<string, string> ForRegions(IEnumerable<string> regions) => regions
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
        .Select((region, i) => (region, Palette[i % Palette.Length]))
        .ToDictionary(x => x.region, x => x.Item2, StringComparer.Ordinal);
}
