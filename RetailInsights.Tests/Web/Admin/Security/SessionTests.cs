using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Admin.Users;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Web.Admin.Security;

/// <summary>How long a sign-in lasts: across instances and container restarts, and no longer than a removed role.</summary>
[Trait("Tier", "database")]
public sealed class SessionTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = false };

    [Fact]
    public async Task Cookie_issuedByOneInstance_isAcceptedByAnotherOnTheSameDatabase()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var first = new AppFactory(database);
        await using var second = new AppFactory(database);
        var email = await TestUsers.CreateAsync(first.Services, Roles.Marketing);
        using var browser = new CookieClient(first.CreateClient(NoRedirects));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, TestUsers.Password)).StatusCode);

        using var sameBrowserOnSecond = new CookieClient(second.CreateClient(NoRedirects));
        sameBrowserOnSecond.CopyCookiesFrom(browser);
        var overview = await sameBrowserOnSecond.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains(email, await overview.Content.ReadAsStringAsync());
        // The key came from the database, not from a folder both hosts of this process happen to share.
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys"));
        var keyStore = second.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
        Assert.StartsWith("EntityFrameworkCoreXmlRepository", keyStore?.GetType().Name);
        Assert.Equal(SecurityRegistration.DataProtectionApplicationName,
            second.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
    }

    [Fact]
    public async Task DemotedAdmin_isSignedOutOfTheJobsDashboardAndRejectedRows_onceAMinuteHasPassed()
    {
        var clock = new ShiftedClock();
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new AppFactory(database);
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var email = await TestUsers.CreateAsync(app.Services, Roles.Admin);
        await TestUsers.CreateAsync(app.Services, Roles.Admin); // the last active admin could not be demoted
        using var browser = new CookieClient(app.CreateClient(NoRedirects));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/uploads/1/rejected.csv")).StatusCode);

        await AdministerAsync(app, (administration, admin, userId) => administration.SetRoleAsync(admin, userId, Roles.Marketing), email);
        clock.Advance(SecurityRegistration.SessionRevalidationInterval + TimeSpan.FromSeconds(1));

        // A role change renews the user's security stamp: the old cookie stops working and they sign in again.
        AssertRedirectedTo(SecurityRegistration.SignInPath, await browser.GetAsync("/hangfire"));
        AssertRedirectedTo(SecurityRegistration.SignInPath, await browser.GetAsync("/uploads/1/rejected.csv"));
    }

    [Fact]
    public async Task DisabledUser_isSignedOutOfExports_onceAMinuteHasPassed()
    {
        var clock = new ShiftedClock();
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new AppFactory(database);
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketing);
        using var browser = new CookieClient(app.CreateClient(NoRedirects));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/exports/rules.csv")).StatusCode); // no run yet

        await AdministerAsync(app, (administration, admin, userId) => administration.SetDisabledAsync(admin, userId, disabled: true), email);
        clock.Advance(SecurityRegistration.SessionRevalidationInterval + TimeSpan.FromSeconds(1));

        AssertRedirectedTo(SecurityRegistration.SignInPath, await browser.GetAsync("/exports/rules.csv"));
        AssertRedirectedTo(SecurityRegistration.SignInPath, await browser.GetAsync("/exports/segments.csv"));
    }

    // What the Users page does: the signed-in admin acts through UserAdministration.
    private static async Task AdministerAsync(WebApplicationFactory<Program> app,
        Func<UserAdministration, ClaimsPrincipal, string, Task> action, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "boss@test.local"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        await action(scope.ServiceProvider.GetRequiredService<UserAdministration>(), admin, user!.Id);
    }

    private static void AssertRedirectedTo(string path, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path, response.Headers.Location is { IsAbsoluteUri: true } location ? location.AbsolutePath : response.Headers.Location?.OriginalString.Split('?')[0]);
    }
}
