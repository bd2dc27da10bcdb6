using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Security;
using RetailInsights.Web.Ingestion.Loading;
using RetailInsights.Web.Ingestion.SourceMappings;

namespace RetailInsights.Web.Ingestion;

public static class IngestionRegistration
{
    /// <summary>The upload pipeline, shared by the web app (which adds Hangfire and the upload API) and the commands.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
        services.AddOptions<LoadOptions>().BindConfiguration(LoadOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<AuditLog>();
        services.TryAddScoped<SourceCatalog>();
        services.AddSingleton<UploadStorage>();
        services.AddSingleton<UploadsTable>();
        services.AddScoped<UploadLoader>();
        services.AddScoped<UploadIntake>();
        services.AddSingleton<StagedFileReads>();
        services.AddScoped<ImportUploadJob>();
        services.AddScoped<FileImporter>();
        services.AddScoped<DropFolderJob>();
        services.AddScoped<StagingCleanupJob>();
        services.AddScoped<UploadQueries>();
        services.AddSingleton<IApplyStateFilter, UploadJobFailedFilter>();
        return services;
    }

    /// <summary>
    /// The upload API, the downloads of rejected rows and of failed files, the drop folder's scan and the staging
    /// clean-up (changing a cron takes a restart).
    /// </summary>
    public static void MapIngestion(this WebApplication app)
    {
        app.MapUploadApi();
        app.MapRejectedRowsDownload();
        app.MapStagedFileDownload();
        var options = app.Services.GetRequiredService<IOptions<IngestionOptions>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<DropFolderJob>(DropFolderJob.RecurringJobId, job => job.ScanAsync(CancellationToken.None), options.DropFolderCron);
        recurring.AddOrUpdate<StagingCleanupJob>(StagingCleanupJob.RecurringJobId, job => job.CleanAsync(CancellationToken.None),
            options.StagingCleanupCron);
    }
}
