using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RetailInsights.Tests.Support;

/// <summary>The real app, in process, on a database and a staging folder of the test's own.</summary>
public sealed class AppFactory(TestDatabase database, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    /// <summary>Where this app's uploads wait (removed with the app).</summary>
    public string StagingFolder { get; } = Path.Combine(Path.GetTempPath(), "ri-app-staging-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:RetailInsights", database.ConnectionString);
        builder.UseSetting("Ingestion:StagingPath", StagingFolder);
        // Tests sign in and poll the API many times from one address; each limit is tested with its own setting.
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:ApiPerMinute", "10000");
        builder.UseSetting("RateLimits:ApiPerKeyPerMinute", "10000");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(StagingFolder))
            Directory.Delete(StagingFolder, recursive: true);
    }
}
