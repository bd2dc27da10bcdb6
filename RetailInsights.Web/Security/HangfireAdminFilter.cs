using Hangfire.Dashboard;

namespace RetailInsights.Web.Security;

/// <summary>
/// Replaces Hangfire's local-requests-only default: the dashboard is for signed-in admins, from anywhere, and for
/// nobody else. The endpoint also requires the admin policy; this filter keeps the dashboard closed even if the
/// mapping changes.
/// </summary>
public sealed class HangfireAdminFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }
}
