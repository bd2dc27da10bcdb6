using System.Net;
using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion.Pulls;
using RetailInsights.Web.Security;

namespace RetailInsights.Web.Sources.Pulls;

public static class PullsRegistration
{
    /// <summary>Endpoints of sources and their pulls, for the app, its pages and the commands.</summary>
    public static IServiceCollection AddPulls(this IServiceCollection services)
    {
        services.AddOptions<PullOptions>().BindConfiguration(PullOptions.Section)
            // A list (Pulls:AllowedHosts:0=…) or one value (Pulls:AllowedHosts=a;b), which binding alone would drop unsaid.
            .Configure<IConfiguration>((o, config) =>
                o.AllowedHosts = AllowedHosts(config.GetSection($"{PullOptions.Section}:{nameof(PullOptions.AllowedHosts)}")))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PullOptions>, PullOptionsValidator>();
        services.AddSingleton<PullConnections>();
        // The secrets are encrypted with the app's own key ring: the command must read what the page saved.
        services.AddRetailInsightsDataProtection();
        services.AddHttpClient(EndpointClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // Every connection goes where the address check lets it, redirects are answered, not followed (the
                // credentials would go along), and no proxy stands between: through one, the check would see only the proxy.
                ConnectCallback = provider.GetRequiredService<PullConnections>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // Requests are logged by address; an API key travels in a header, so no header value is ever logged.
            .RedactLoggedHeaders(_ => true);
        services.AddSingleton<EndpointSecrets>();
        services.AddScoped<EndpointCatalog>();
        services.AddScoped<PullSchedules>();
        services.AddScoped<EndpointClient>();
        services.AddScoped<PageFetcher>();
        services.AddScoped<SourcePuller>();
        services.AddScoped<PullJob>();
        return services;
    }

    private static List<string> AllowedHosts(IConfigurationSection section) =>
        [.. PullAllowance.Split(section.Value), .. section.GetChildren().SelectMany(c => PullAllowance.Split(c.Value))];

    /// <summary>The recurring pulls made to match the saved endpoints, once the database is migrated.</summary>
    public static void MapPulls(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var endpoints = scope.ServiceProvider.GetRequiredService<EndpointCatalog>();
        scope.ServiceProvider.GetRequiredService<PullSchedules>().Sync(endpoints.SchedulesAsync(CancellationToken.None).GetAwaiter().GetResult());
    }
}
