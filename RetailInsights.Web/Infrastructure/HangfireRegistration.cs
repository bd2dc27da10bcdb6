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
        // Storage and job activator are the app's own: Hangfire's registrations hand out the process-wide
        // JobStorage.Current and JobActivator.Current, which the last configured app sets, and two apps in one process
        // (the tests' hosts) then ran each other's jobs, on each other's databases and services.
        AddOwnedByTheApp<JobStorage>(builder.Services, provider =>
        {
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = Schema,
                PrepareSchemaIfNecessary = true,
                // LISTEN/NOTIFY: an upload's job starts at once rather than at the next poll.
                EnableLongPolling = true,
                QueuePollInterval = TimeSpan.FromSeconds(5),
                UseSlidingInvisibilityTimeout = true,
            };
            var connectionString = DatabaseSetup.GetConnectionString(provider.GetRequiredService<IConfiguration>());
            return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
        });
        AddOwnedByTheApp<JobActivator>(builder.Services,
            provider => new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostBoundHangfireLogProvider(provider.GetRequiredService<ILoggerFactory>())));

        var options = builder.Configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        if (options.RunServer)
            builder.Services.AddHangfireServer(server => server.WorkerCount = Math.Max(1, options.WorkerCount));
    }

    // Registered before AddHangfire, whose TryAdd then keeps ours; resolving one applies Hangfire's configuration first,
    // as its own registrations do.
    private static void AddOwnedByTheApp<T>(IServiceCollection services, Func<IServiceProvider, T> create) where T : class =>
        services.AddSingleton(provider =>
        {
            provider.GetRequiredService<IGlobalConfiguration>();
            return create(provider);
        });

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
