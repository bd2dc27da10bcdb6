using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RetailInsights.Tests.Support;

/// <summary>
/// The app as a server runs it (environment Production: exception page, HSTS, HTTPS redirection, Secure cookies) on
/// a real Kestrel port on 127.0.0.1, so that the peer address forwarded headers are judged by is a real one.
/// </summary>
public sealed class ProductionAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ri-production-" + Guid.NewGuid().ToString("N"));

    public ProductionAppFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
        : this(database.ConnectionString, settings)
    {
    }

    public ProductionAppFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = connectionString,
            ["Ingestion:StagingPath"] = Path.Combine(_dataFolder, "staging"),
            ["Ingestion:DropFolder"] = Path.Combine(_dataFolder, "inbox"),
            ["Hangfire:RunServer"] = "false",
            ["RateLimits:SignInPerMinute"] = "10000",
            ["RateLimits:ApiPerMinute"] = "10000",
            ["RateLimits:ApiPerKeyPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The app's clock, when a test moves time on.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>What the app logged, with each entry's scopes (the request id among them).</summary>
    public LogSink Logs { get; } = new();

    /// <summary>Starts the server and answers its address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Start()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (Clock is { } clock)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataFolder))
            Directory.Delete(_dataFolder, recursive: true);
    }
}
