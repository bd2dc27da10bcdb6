using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Npgsql;
using RetailInsights.Web.Admin.Account;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Components;
using RetailInsights.Web.Data;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Overview;
using RetailInsights.Web.Quality;
using RetailInsights.Web.Refunds;
using RetailInsights.Web.Stores;

namespace RetailInsights.Web.Infrastructure;

public static class ServiceRegistration
{
    /// <summary>Everything the web app needs; commands call <see cref="AddRetailInsightsData"/> alone.</summary>
    public static void AddRetailInsights(this WebApplicationBuilder builder)
    {
        builder.Services.AddRetailInsightsData();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.AddRetailInsightsSecurity();
        builder.AddRetailInsightsJobs();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<OverviewQueries>();
        builder.Services.AddScoped<StoreQueries>();
        builder.Services.AddScoped<ActivityQueries>();
        builder.Services.AddScoped<RefundQueries>();
        builder.Services.AddScoped<Segments.CustomerQueries>();
        builder.Services.AddIngestion();
        builder.Services.AddScoped<QualityQueries>();
    }

    public static IServiceCollection AddRetailInsightsData(this IServiceCollection services)
    {
        // The connection string is read when first needed, so test hosts and late configuration sources count.
        services.AddSingleton(provider =>
            NpgsqlDataSource.Create(DatabaseSetup.GetConnectionString(provider.GetRequiredService<IConfiguration>())));
        services.AddDbContextFactory<RetailInsightsDbContext>((provider, options) =>
            DatabaseSetup.Configure(options, provider.GetRequiredService<NpgsqlDataSource>()));
        return services;
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
        app.MapUploadApi();
        app.MapRejectedRowsDownload();
        app.MapRunDownloads();
        app.MapRetailInsightsJobsDashboard();
        app.RegisterRecurringJobs();
    }
}
