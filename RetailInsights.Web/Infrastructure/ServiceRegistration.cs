using MudBlazor.Services;
using RetailInsights.Web.Admin.Account;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Components;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Data;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Quality;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Infrastructure;

/// <summary>The app put together: each feature adds its services and maps its endpoints and schedules itself.</summary>
public static class ServiceRegistration
{
    public static void AddRetailInsights(this WebApplicationBuilder builder)
    {
        builder.Services.AddRetailInsightsData();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.AddRetailInsightsSecurity();
        builder.AddRetailInsightsJobs();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddWarehouse();
        builder.Services.AddIngestion();
        builder.Services.AddAnalytics();
        builder.Services.AddQuality();
        builder.Services.AddDashboards();
    }

    public static void UseRetailInsights(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseRetailInsightsSecurity();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        // Our own Content-Security-Policy already says frame-ancestors 'none'; Blazor would add a second header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAccountEndpoints();
        app.MapIngestion();
        app.MapAnalytics();
        app.MapRetailInsightsJobsDashboard();
    }
}
