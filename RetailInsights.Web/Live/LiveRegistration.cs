using Hangfire;
using Microsoft.Extensions.Options;

namespace RetailInsights.Web.Live;

public static class LiveRegistration
{
    /// <summary>Live point-of-sale events: their API's writer, the Live page's shared feed, the roll-up job, voids of a store-day.</summary>
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section);
        services.AddSingleton<EventWriter>();
        services.AddScoped<LiveQueries>();
        services.AddScoped<LiveRollupJob>();
        services.AddScoped<StoreDayVoids>();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveFeed>());
        return services;
    }

    /// <summary>The event API and the roll-up schedule.</summary>
    public static void MapLive(this WebApplication app)
    {
        app.MapEventApi();
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<LiveRollupJob>(LiveRollupJob.RecurringJobId,
            job => job.RollUpAsync(CancellationToken.None), app.Services.GetRequiredService<IOptions<LiveOptions>>().Value.RollupCron);
    }
}
