using Microsoft.AspNetCore.Authorization;

namespace RetailInsights.Web.Security;

/// <summary>What each role may do, as named policies that pages, actions and endpoints require.</summary>
public static class Policies
{
    /// <summary>Every dashboard: Overview, Baskets, Segments, Refunds, Stores.</summary>
    public const string ViewDashboards = "ViewDashboards";

    /// <summary>Segment and rule lists for campaigns.</summary>
    public const string Export = "Export";

    /// <summary>
    /// Line-level sales data: the mined baskets (every invoice of the run's window with its products). Not aggregated, so
    /// not for Marketing, whose exports are rules and customer segments.
    /// </summary>
    public const string ExportLineData = "ExportLineData";

    /// <summary>Bring files, see uploads and their data quality.</summary>
    public const string ManageUploads = "ManageUploads";

    /// <summary>Hangfire dashboard, re-runs and back-fills, users, API keys, audit log.</summary>
    public const string Administer = "Administer";

    /// <summary>Machine clients (store systems) with an API key an admin created.</summary>
    public const string UploadApi = "UploadApi";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(ViewDashboards, p => p.RequireRole(Roles.Marketing, Roles.Manager, Roles.Admin));
        options.AddPolicy(Export, p => p.RequireRole(Roles.Marketing, Roles.Manager, Roles.Admin));
        options.AddPolicy(ExportLineData, p => p.RequireRole(Roles.Manager, Roles.Admin));
        options.AddPolicy(ManageUploads, p => p.RequireRole(Roles.Manager, Roles.Admin));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(UploadApi, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        // A page or endpoint that names no policy still needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
