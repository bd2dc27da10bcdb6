using PlotLayout = Plotly.Blazor.Layout;

namespace RetailInsights.Web.Components.Shared.Charts;

/// <summary>The chart colours of the light or dark theme, cascaded by the layout so charts follow the user's choice.</summary>
public sealed record ChartTheme(string Paper, string Text, string Grid)
{
    public static readonly ChartTheme Light = new("#ffffff", "#1f2933", "#e4e7eb");

    public static readonly ChartTheme Dark = new("#27272f", "#e4e7eb", "#3b3b47");

    public void Apply(PlotLayout layout)
    {
        layout.PaperBgColor = Paper;
        layout.PlotBgColor = Paper;
        layout.Font = new Plotly.Blazor.LayoutLib.Font { Color = Text };
        // Plotly's own grid is near-white: on the dark paper it would glare.
        foreach (var axis in layout.XAxis ??= [new Plotly.Blazor.LayoutLib.XAxis()])
            (axis.GridColor, axis.ZeroLineColor) = (Grid, Grid);
        foreach (var axis in layout.YAxis ??= [new Plotly.Blazor.LayoutLib.YAxis()])
            (axis.GridColor, axis.ZeroLineColor) = (Grid, Grid);
    }
}
