using MudBlazor;
using RetailInsights.Web.Security;

namespace RetailInsights.Web.Components.Layout;

/// <summary>The drawer's entries, in the order users work through them, each with the policy that opens it.</summary>
public static class NavigationItems
{
    public sealed record Item(string Title, string Href, string Icon, string Policy);

    public static readonly IReadOnlyList<Item> All =
    [
        new("Overview", "", Icons.Material.Filled.Dashboard, Policies.ViewDashboards),
        new("Live", "live", Icons.Material.Filled.Sensors, Policies.ViewDashboards),
        new("Baskets", "baskets", Icons.Material.Filled.ShoppingBasket, Policies.ViewDashboards),
        new("Segments", "segments", Icons.Material.Filled.Groups, Policies.ViewDashboards),
        new("Refunds", "refunds", Icons.Material.Filled.AssignmentReturn, Policies.ViewDashboards),
        new("Stores", "stores", Icons.Material.Filled.Store, Policies.ViewDashboards),
        new("Uploads", "uploads", Icons.Material.Filled.CloudUpload, Policies.ManageUploads),
        new("Data quality", "quality", Icons.Material.Filled.FactCheck, Policies.ManageUploads),
        new("Users", "admin/users", Icons.Material.Filled.ManageAccounts, Policies.Administer),
        new("Sources", "admin/sources", Icons.Material.Filled.Hub, Policies.Administer),
        new("API keys", "admin/api-keys", Icons.Material.Filled.Key, Policies.Administer),
        new("Audit log", "admin/audit", Icons.Material.Filled.History, Policies.Administer),
        new("Jobs (Hangfire)", "hangfire", Icons.Material.Filled.Schedule, Policies.Administer),
    ];
}
