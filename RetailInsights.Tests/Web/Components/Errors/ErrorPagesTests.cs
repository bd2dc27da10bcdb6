using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Components.Errors;

[Trait("Tier", "database")]
public sealed partial class ErrorPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task FailingPage_inProduction_answers500WithTheLoggedRequestIdAndNoStackTrace()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database);
        using var client = CookieClient.Connecting(app.Start(), IPAddress.Loopback);
        client.AddHeaders(new Dictionary<string, string> { ["Host"] = "insights.example", ["X-Forwarded-Proto"] = "https" });
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketing);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, TestUsers.Password)).StatusCode);
        // A download's query now fails as a lost table makes it fail (the dashboards' cards catch their own failures).
        await database.ExecuteAsync("ALTER TABLE analysis_runs RENAME TO analysis_runs_gone");

        var response = await client.GetAsync("/exports/rules.csv");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", html);
        var shownId = WebUtility.HtmlDecode(RequestId().Match(html).Groups[1].Value);
        Assert.NotEmpty(shownId);
        var logged = Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is not null
            && e.Category.Contains("ExceptionHandler", StringComparison.Ordinal));
        Assert.Equal(shownId, logged.ScopeValues["RequestId"]?.ToString());
        Assert.DoesNotContain("analysis_runs", html);
        Assert.DoesNotContain(logged.Exception!.GetType().Name, html);
        Assert.DoesNotMatch(@"\bat RetailInsights\.", html);
    }

    [Fact]
    public async Task DatabaseDown_whenTheSessionIsDueForRevalidation_stillShowsTheErrorPage()
    {
        var clock = new ShiftedClock();
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new ProductionAppFactory(database) { Clock = clock };
        using var client = CookieClient.Connecting(app.Start(), IPAddress.Loopback);
        client.AddHeaders(new Dictionary<string, string> { ["Host"] = "insights.example", ["X-Forwarded-Proto"] = "https" });
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketing);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, TestUsers.Password)).StatusCode);
        clock.Advance(SecurityRegistration.SessionRevalidationInterval + TimeSpan.FromSeconds(1));
        await using (var admin = await PostgresServer.OpenAdminConnectionAsync())
        {
            await using var refuse = new Npgsql.NpgsqlCommand(
                $"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS false; " +
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database.Name}'", admin);
            await refuse.ExecuteNonQueryAsync();
        }

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ErrorPage_openedDirectly_needsNoSignIn()
    {
        var response = await SignedInClient.Anonymous(fixture.App).GetAsync("/error");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPage_signedIn_answers404WithTheNotFoundPage()
    {
        var client = await SignedInClient.ForRoleAsync(fixture.App, Roles.Marketing);

        var response = await client.GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nothing here", html);
        Assert.Contains("id=\"signed-in-user\"", html); // in the app's own frame, with its menu
    }

    [Fact]
    public async Task MissingApiResource_keepsItsBareAnswer()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("till", "test", CancellationToken.None);
        var client = SignedInClient.Anonymous(fixture.App);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, secret);

        var response = await client.GetAsync("/api/uploads/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Nothing here", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("id=\"request-id\">([^<]+)<")]
    private static partial Regex RequestId();
}
