using Plotly.Blazor.Traces;
using RetailInsights.Core.Anomalies;
using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

[Trait("Tier", "unit")]
public sealed class TrendTracesTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);
    private static readonly StoreProfile Store = new("JKT-01", "Kemang", "Jakarta", "DKI Jakarta", 4200);

    private static StoreTrend Trend(params Anomaly[] flags) =>
        new(Store, Enumerable.Range(0, 5).Select(i => new DailyValue(Day.AddDays(i), 100 + i)).ToList(), flags);

    [Fact]
    public void For_flaggedDays_markHighAndLowOnTheLineAtTheirDaysAndValues()
    {
        var traces = TrendTraces.For(Trend(
            new Anomaly("JKT-01", Day.AddDays(1), 101, 50, 4.1),
            new Anomaly("JKT-01", Day.AddDays(3), 103, 20, 5.0),
            new Anomaly("JKT-01", Day.AddDays(4), 104, 300, -3.9)), "#1f77b4").Cast<Scatter>().ToList();

        Assert.Equal(3, traces.Count);
        Assert.Equal(5, traces[0].Y.Count);
        var high = traces[1];
        Assert.Equal("Unusually high", high.Name);
        Assert.Equal([Day.AddDays(1).ToDateTime(TimeOnly.MinValue), Day.AddDays(3).ToDateTime(TimeOnly.MinValue)], high.X.Cast<DateTime>());
        Assert.Equal([101m, 103m], high.Y.Cast<decimal>());
        Assert.Equal(StoreColors.UnusuallyHigh, high.Marker.Color);
        Assert.Contains("usual 50", high.HoverTextArray[0]);
        var low = traces[2];
        Assert.Equal("Unusually low", low.Name);
        Assert.Equal([104m], low.Y.Cast<decimal>());
        Assert.Equal(StoreColors.UnusuallyLow, low.Marker.Color);
        Assert.Equal(Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.TriangleDown, low.Marker.Symbol);
    }

    [Fact]
    public void For_noFlaggedDay_drawsTheLineAlone()
    {
        var traces = TrendTraces.For(Trend(), "#2ca02c");

        var line = Assert.IsType<Scatter>(Assert.Single(traces));
        Assert.Equal("#2ca02c", line.Line.Color);
        Assert.Equal(Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, line.Mode);
    }

    [Fact]
    public void ForRegions_sameRegionsInAnyOrder_getTheSameColours_neverTheMarkersOnes()
    {
        var colors = StoreColors.ForRegions(["Java", "Bali", "Java", "Sumatra"]);

        Assert.Equal(colors, StoreColors.ForRegions(["Sumatra", "Bali", "Java"]));
        Assert.Equal(3, colors.Values.Distinct().Count());
        Assert.DoesNotContain(StoreColors.UnusuallyHigh, colors.Values);
        Assert.DoesNotContain(StoreColors.UnusuallyLow, colors.Values);
    }
}
