using MudBlazor.Services;
using RetailInsights.Web.Admin;
using RetailInsights.Web.Security;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Components;
using RetailInsights.Web.Components.Errors;
using RetailInsights.Web.Components.Layout;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Data;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Infrastructure.Health;
using RetailInsights.Web.Infrastructure.Hosting;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Live;
using RetailInsights.Web.Sources;
using RetailInsights.Web.Sources.Pulls;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Composition;

/// <summary>The app put together: each feature adds its services and maps its endpoints and schedules itself.</summary>
public static class ServiceRegistration
{
    public static void AddRetailInsights(this WebApplicationBuilder builder)
    {
        builder.AddHosting();
        builder.Services.AddRetailInsightsData();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.AddRetailInsightsSecurity();
        builder.Services.AddAdmin();
        builder.AddRetailInsightsJobs();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddWarehouse().AddDataChangeListener();
        builder.Services.AddIngestion();
        builder.Services.AddSources();
        builder.Services.AddAnalytics();
        builder.Services.AddDashboards();
        builder.Services.AddLive();
        builder.Services.AddApiDocuments();
        builder.Services.AddLayout();
        builder.Services.AddRetailInsightsHealth();
    }

    public static void UseRetailInsights(this WebApplication app)
    {
        app.UseHosting(ErrorPages.ErrorPath, mayRedirectToHttps: context => !HealthRegistration.IsProbe(context));
        app.UseNotFoundPage();
        app.UseRetailInsightsSecurity();
        app.UseAntiforgery();
        app.UseEarlyDisconnectAnswer();
        app.MapStaticAssets().AllowAnonymous();
        // Our own Content-Security-Policy already says frame-ancestors 'none'; Blazor would add a second header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdmin();
        app.MapIngestion();
        app.MapPulls();
        app.MapAnalytics();
        app.MapLive();
        app.MapApiDocuments();
        app.MapRetailInsightsJobsDashboard();
        app.MapRetailInsightsHealth();
    }
}
