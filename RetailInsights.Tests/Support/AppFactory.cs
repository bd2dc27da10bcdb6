using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RetailInsights.Tests.Support;

/// <summary>The real app, in process, on a database of the test's own.</summary>
public sealed class AppFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:RetailInsights", database.ConnectionString);
        // Tests sign in and poll the API many times from one address; each limit is tested with its own setting.
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:ApiPerMinute", "10000");
    }
}
