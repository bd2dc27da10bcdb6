using MudBlazor;
using RetailInsights.Web.Components.Shared.Charts;

namespace RetailInsights.Web.Components.Layout;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#e07a1f",
            AppbarBackground = "#1f5f8b",
        },
        // Cards are the charts' paper (ChartTheme.Dark), so a chart sits on its card without a seam.
        PaletteDark = new PaletteDark
        {
            Primary = "#6cb4e4",
            // Filled buttons and chips on the light blue need dark text to be read.
            PrimaryContrastText = "#0d2233",
            AppbarText = "#ffffff",
            Secondary = "#f0a04b",
            AppbarBackground = "#173f5c",
            Background = "#1c1d22",
            Surface = ChartTheme.Dark.Paper,
            DrawerBackground = "#222329",
            TextPrimary = ChartTheme.Dark.Text,
            LinesDefault = ChartTheme.Dark.Grid,
            TableLines = ChartTheme.Dark.Grid,
            Divider = ChartTheme.Dark.Grid,
        },
    };

    /// <summary>The charts' colours for the palette shown.</summary>
    public static ChartTheme Charts(bool dark) => dark ? ChartTheme.Dark : ChartTheme.Light;
}
