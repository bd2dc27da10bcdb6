using RetailInsights.Web.Components.Shared;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>The numbers behind each chart of the Stores page, as tables (and CSV files) for those who need them.</summary>
public static class StoreNumbers
{
    public static ChartTable Revenue(StoreSummaries s) => new(
        ["Store", "Code", "Region", "Net", "Net before"],
        s.Stores.Select(x => Row(x.Store.Label, x.Store.Code, x.Store.RegionLabel, x.Current.Net, x.Previous.Net)).ToList());

    public static ChartTable Density(StoreSummaries s) => new(
        ["Store", "Code", "Size (sq ft)", "Net", "Net per sq ft", "Before"],
        s.Stores.Select(x => Row(x.Store.Label, x.Store.Code, x.Store.SizeSqFt, x.Current.Net, x.NetPerSqFt, x.PreviousNetPerSqFt)).ToList());

    /// <summary>Every day of every store drawn, with the day's flag when it was unusual.</summary>
    public static ChartTable Trends(StoreTrends t) => new(
        ["Store", "Code", "Day", "Gross", "Unusual", "Usual (median)", "Robust z"],
        t.Shown.SelectMany(trend => trend.Days.Select(day => (Day: day, Flag: trend.Flags.FirstOrDefault(f => f.Date == day.Date)))
            .Select(x => Row(trend.Store.Label, trend.Store.Code, x.Day.Date, x.Day.Value,
                x.Flag is null ? "" : x.Flag.IsHigh ? "high" : "low", x.Flag?.Expected, x.Flag?.RobustZ))).ToList());

    /// <summary>One line per cell of a heat map: the store, the column (category, hour), the value and its share of the store's.</summary>
    public static ChartTable HeatMap(HeatMapGrid grid, string column, string value) => new(
        ["Store", column, value, "Share of the store's"],
        Enumerable.Range(0, grid.Rows.Count).SelectMany(r => Enumerable.Range(0, grid.Columns.Count)
            .Select(c => Row(grid.Rows[r], grid.Columns[c], grid.Values[r][c], Format.Percent(grid.Share(r, c))))).ToList());

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
