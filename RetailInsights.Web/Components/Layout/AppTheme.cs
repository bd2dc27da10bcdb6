using MudBlazor;

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
    };
}
