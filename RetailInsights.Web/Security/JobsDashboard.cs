using Hangfire;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Security;

/// <summary>The Hangfire dashboard, where admins trigger re-runs and back-fills: admins only, checked twice.</summary>
public static class JobsDashboard
{
    public static void MapRetailInsightsJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(HangfireRegistration.DashboardPath, new DashboardOptions
        {
            Authorization = [new HangfireAdminFilter()],
            AppPath = "/",
            DashboardTitle = "RetailInsights jobs",
        }).RequireAuthorization(Policies.Administer);
}
