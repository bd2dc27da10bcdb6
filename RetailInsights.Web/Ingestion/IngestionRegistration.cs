using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailInsights.Web.Admin.Audit;

namespace RetailInsights.Web.Ingestion;

public static class IngestionRegistration
{
    /// <summary>The upload pipeline and the analytics runs, shared by the web app (which adds Hangfire) and the commands.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<AuditLog>();
        services.AddSingleton<UploadStorage>();
        services.AddScoped<UploadLoader>();
        services.AddScoped<UploadIntake>();
        services.AddScoped<ImportUploadJob>();
        services.AddScoped<FileImporter>();
        services.AddScoped<DropFolderJob>();
        services.AddOptions<Analytics.AnalyticsOptions>().BindConfiguration(Analytics.AnalyticsOptions.Section);
        services.AddScoped<Analytics.AnalyticsRunner>();
        services.AddScoped<Analytics.AnalyticsResults>();
        services.AddScoped<Analytics.AnalyticsJob>();
        services.AddScoped<UploadQueries>();
        return services;
    }
}
