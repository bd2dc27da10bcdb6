using Plotly.Blazor.LayoutLib;
using PlotLayout = Plotly.Blazor.Layout;

namespace RetailInsights.Web.Dashboards.Quality;

/// <summary>
/// The x axis the per-load charts share: one slot per load, oldest to newest (a time axis would stack files loaded
/// minutes apart on one spot), in upload order whatever traces name them first.
/// </summary>
public static class LoadAxis
{
    public static PlotLayout Layout(IReadOnlyList<LoadQuality> loads, YAxis yAxis, bool stacked = false) => new()
    {
        BarMode = stacked ? Plotly.Blazor.LayoutLib.BarModeEnum.Stack : null,
        XAxis =
        [
            new XAxis
            {
                Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category,
                CategoryOrder = Plotly.Blazor.LayoutLib.XAxisLib.CategoryOrderEnum.Array,
                CategoryArray = loads.Select(l => (object)l.Label).ToList(),
                Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "loads, oldest to newest (upload #)" },
                AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True,
            },
        ],
        YAxis = [yAxis],
        Legend =
        [
            new Legend
            {
                Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
                Y = 1.02m,
                YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
                X = 0,
            },
        ],
        HoverMode = Plotly.Blazor.LayoutLib.HoverModeEnum.Closest,
    };

    /// <summary>A y axis of shares from 0 to 100 %.</summary>
    public static YAxis Shares(string title) => new()
    {
        TickFormat = ".0%",
        Range = [0, 1.04],
        Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = title },
    };

    /// <summary>What a point says when hovered: the load, its file and the figure (the chart encodes the file name).</summary>
    public static string Hover(LoadQuality load, string figure) =>
        $"#{load.UploadId} {load.FileName}<br>{load.Kind.Replace('_', ' ')} · {load.Status}<br>{figure}";

    /// <summary>Loads of one kind joined by a line, unless there is only one (a line of no length draws nothing).</summary>
    public static Plotly.Blazor.Traces.ScatterLib.ModeFlag Mode(int points, bool joined = true) =>
        joined && points > 1
            ? Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers
            : Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers;

    public const string HoverTemplate = "%{hovertext}<extra></extra>";
}
