using Hangfire;
using Hangfire.PostgreSql;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Infrastructure;

/// <summary>Hangfire on the app's own PostgreSQL database, in a schema of its own, with an admin-only dashboard.</summary>
public static class HangfireRegistration
{
    public const string Schema = "hangfire";
    public const string DashboardPath = "/hangfire";

    public static void AddRetailInsightsJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostBoundHangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(DatabaseSetup.GetConnectionString(provider.GetRequiredService<IConfiguration>())),
                new PostgreSqlStorageOptions
                {
                    SchemaName = Schema,
                    PrepareSchemaIfNecessary = true,
                    // LISTEN/NOTIFY: an upload's job starts at once rather than at the next poll.
                    EnableLongPolling = true,
                    QueuePollInterval = TimeSpan.FromSeconds(5),
                    UseSlidingInvisibilityTimeout = true,
                }));

        var options = builder.Configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        if (options.RunServer)
            builder.Services.AddHangfireServer(server => server.WorkerCount = Math.Max(1, options.WorkerCount));
    }

    /// <summary>Recurring jobs, registered at start-up from configuration (changing the cron takes a restart).</summary>
    public static void RegisterRecurringJobs(this WebApplication app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        var ingestion = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Ingestion.IngestionOptions>>().Value;
        recurring.AddOrUpdate<Ingestion.DropFolderJob>(Ingestion.DropFolderJob.RecurringJobId,
            job => job.ScanAsync(CancellationToken.None), ingestion.DropFolderCron);
        var analytics = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Analytics.AnalyticsOptions>>().Value;
        // Admins re-run it from the dashboard's recurring jobs ("Trigger now"); back-fills go through the app.
        recurring.AddOrUpdate<Analytics.AnalyticsJob>(Analytics.AnalyticsJob.RecurringJobId,
            job => job.RunDailyAsync(CancellationToken.None), analytics.Cron);
    }

    public static void MapRetailInsightsJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new HangfireAdminFilter()],
            AppPath = "/",
            DashboardTitle = "RetailInsights jobs",
        }).RequireAuthorization(Policies.Administer);
}
