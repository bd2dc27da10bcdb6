using Hangfire;
using Microsoft.Extensions.Options;
using RetailInsights.Core.CustomerValue;
using RetailInsights.Core.Mining;
using RetailInsights.Web.Analytics.Inputs;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Web.Analytics;

public static class AnalyticsRegistration
{
    /// <summary>Analysis runs: their inputs, the runner and its writer, the results pages read, the jobs.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section);
        services.AddOptions<MiningOptions>().BindConfiguration(AnalyticsOptions.Section);
        services.AddOptions<CustomerValueOptions>().BindConfiguration(AnalyticsOptions.CustomerValueSection);
        services.AddSingleton<BasketSource>();
        services.AddSingleton<RfmSource>();
        services.AddSingleton<OccasionSource>();
        services.AddSingleton<RunWriter>();
        services.AddScoped<AnalyticsRunner>();
        services.AddScoped<AnalyticsResults>();
        services.AddScoped<AnalyticsJob>();
        services.AddScoped<IUploadLoadedObserver, RunAfterUploads>();
        return services;
    }

    /// <summary>
    /// The run downloads and the daily run (changing its cron takes a restart). Admins re-run it from the dashboard's
    /// recurring jobs ("Trigger now"); back-fills go through the app.
    /// </summary>
    public static void MapAnalytics(this WebApplication app)
    {
        app.MapRunDownloads();
        var options = app.Services.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<AnalyticsJob>(AnalyticsJob.RecurringJobId,
            job => job.RunDailyAsync(CancellationToken.None), options.Cron);
    }
}
