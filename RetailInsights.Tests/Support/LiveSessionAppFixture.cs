using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RetailInsights.Tests.Support;

/// <summary>
/// The real app on its own database, checking a signed-in session's security stamp on every request instead of
/// every 30 minutes: what a live session meets at its next check, a test meets on its next request.
/// </summary>
public sealed class LiveSessionAppFixture : IAsyncLifetime
{
    private AppFactory _factory = null!;

    public TestDatabase Database { get; private set; } = null!;

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        _factory = new AppFactory(Database);
        App = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero)));
        _ = App.Server;
    }

    public HttpClient NewClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
