using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces.ScatterLib.MarkerLib;

namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>
/// A store's trend as Plotly draws it: its daily gross revenue as a line, and its unusual days as markers on that
/// line (red triangles up for unusually high, purple down for unusually low), each saying what was usual.
/// </summary>
public static class TrendTraces
{
    public static IList<ITrace> For(StoreTrend trend, string color)
    {
        var traces = new List<ITrace>
        {
            new Scatter
            {
                Name = "Gross revenue",
                Mode = ModeFlag.Lines,
                X = trend.Days.Select(d => (object)d.Date.ToDateTime(TimeOnly.MinValue)).ToList(),
                Y = trend.Days.Select(d => (object)d.Value).ToList(),
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Width = 1.5m },
                HoverTemplate = "%{x|%a %d %b}: %{y:,.0f}<extra></extra>",
            },
        };
        traces.AddRange(new[] { true, false }
            .Select(high => (High: high, Flags: trend.Flags.Where(f => f.IsHigh == high).ToList()))
            .Where(group => group.Flags.Count > 0)
            .Select(group => (ITrace)new Scatter
            {
                Name = group.High ? "Unusually high" : "Unusually low",
                Mode = ModeFlag.Markers,
                X = group.Flags.Select(f => (object)f.Date.ToDateTime(TimeOnly.MinValue)).ToList(),
                Y = group.Flags.Select(f => (object)f.Value).ToList(),
                Marker = new Marker
                {
                    Color = group.High ? StoreColors.UnusuallyHigh : StoreColors.UnusuallyLow,
                    Symbol = group.High ? SymbolEnum.TriangleUp : SymbolEnum.TriangleDown,
                    Size = 11,
                },
                HoverTextArray = group.Flags.Select(f => string.Create(CultureInfo.InvariantCulture,
                    $"{(group.High ? "unusually high" : "unusually low")}: usual {f.Expected:N0}, z = {f.RobustZ:0.0}")).ToList(),
                HoverTemplate = "%{x|%a %d %b}: %{y:,.0f}<br>%{hovertext}<extra></extra>",
            }));
        return traces;
    }
}
