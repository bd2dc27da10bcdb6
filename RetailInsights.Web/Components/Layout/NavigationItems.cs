using MudBlazor;

namespace RetailInsights.Web.Components.Layout;

/// <summary>The drawer's entries, in the order users work through them.</summary>
public static class NavigationItems
{
    public sealed record Item(string Title, string Href, string Icon);

    public static readonly IReadOnlyList<Item> All =
    [
        new("Overview", "", Icons.Material.Filled.Dashboard),
        new("Baskets", "baskets", Icons.Material.Filled.ShoppingBasket),
        new("Segments", "segments", Icons.Material.Filled.Groups),
        new("Refunds", "refunds", Icons.Material.Filled.AssignmentReturn),
        new("Stores", "stores", Icons.Material.Filled.Store),
        new("Uploads", "uploads", Icons.Material.Filled.CloudUpload),
        new("Data quality", "quality", Icons.Material.Filled.FactCheck),
    ];
}
