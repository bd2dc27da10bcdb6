using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.PostgreSql;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Infrastructure;

/// <summary>Hangfire on the app's own PostgreSQL database, in a schema of its own, with a dashboard that Security maps for admins only.</summary>
public static class HangfireRegistration
{
    public const string Schema = "hangfire";
    public const string DashboardPath = "/hangfire";

    public static void AddRetailInsightsJobs(this WebApplicationBuilder builder)
    {
        // Storage and job activator are the app's own: Hangfire's registrations hand out the process-wide
        // JobStorage.Current and JobActivator.Current, which the last configured app sets, and two apps in one process
        // (the tests' hosts) then ran each other's jobs, on each other's databases and services.
        AddOwnedByTheApp<JobStorage>(builder.Services, CreateStorage);
        AddOwnedByTheApp<JobActivator>(builder.Services,
            provider => new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        // Hangfire's own filters and attributes, plus the state filters features register: the app's, not process-wide.
        builder.Services.AddSingleton<IJobFilterProvider>(provider =>
        {
            var features = new JobFilterCollection();
            foreach (var filter in provider.GetServices<IApplyStateFilter>())
                features.Add(filter);
            return new JobFilterProviderCollection(GlobalJobFilters.Filters, new JobFilterAttributeFilterProvider(), features);
        });
        builder.Services.AddHangfire((provider, config) => config.UseRetailInsightsSerialization().UseHostBoundLogging(provider));

        var options = builder.Configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        if (options.RunServer)
            builder.Services.AddHangfireServer(server => server.WorkerCount = Math.Max(1, options.WorkerCount));
    }

    /// <summary>
    /// For commands: recurring jobs (a source's pull schedule) changed in the app's Hangfire storage, with no job server
    /// and no job client; the storage opens only when a command reaches a schedule (the sources command), never for
    /// import and the others.
    /// </summary>
    public static IServiceCollection AddRecurringJobsForCommands(this IServiceCollection services)
    {
        services.AddSingleton<JobStorage>(provider =>
        {
            // Jobs are written as the app writes them, so its server reads what a command scheduled.
            GlobalConfiguration.Configuration.UseRetailInsightsSerialization();
            return CreateStorage(provider);
        });
        services.AddSingleton<IRecurringJobManager>(provider => new RecurringJobManager(provider.GetRequiredService<JobStorage>()));
        return services;
    }

    public static IGlobalConfiguration UseRetailInsightsSerialization(this IGlobalConfiguration configuration) => configuration
        .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings();

    private static PostgreSqlStorage CreateStorage(IServiceProvider provider)
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
    }

    /// <summary>
    /// Hangfire's log provider is process-wide: every host that configures Hangfire (the app, a test's own services)
    /// must set one that outlives its logger factory, or the next host's jobs throw once this one has stopped.
    /// </summary>
    public static IGlobalConfiguration UseHostBoundLogging(this IGlobalConfiguration configuration, IServiceProvider provider) =>
        configuration.UseLogProvider(new HostBoundHangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()));

    // Registered before AddHangfire, whose TryAdd then keeps ours; resolving one applies Hangfire's configuration first,
    // as its own registrations do.
    private static void AddOwnedByTheApp<T>(IServiceCollection services, Func<IServiceProvider, T> create) where T : class =>
        services.AddSingleton(provider =>
        {
            provider.GetRequiredService<IGlobalConfiguration>();
            return create(provider);
        });
}
