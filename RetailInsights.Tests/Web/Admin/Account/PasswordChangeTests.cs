using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Admin.Users;

namespace RetailInsights.Tests.Web.Admin.Account;

/// <summary>
/// A user changes their own password on /account/password, an admin resets one: either way the user's other sessions
/// end at their next security check (a minute later), and only the new password signs in.
/// </summary>
[Trait("Tier", "database")]
public sealed class PasswordChangeTests : IAsyncLifetime
{
    private const string NewPassword = "Brand-new-password-7?";
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = false };
    private readonly ShiftedClock _clock = new();
    private TestDatabase _database = null!;
    private AppFactory _factory = null!;
    private WebApplicationFactory<Program> _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _factory = new AppFactory(_database);
        _app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ChangeOwnPassword_keepsThisSession_endsTheOtherOnceAMinuteHasPassed_andOnlyTheNewPasswordSignsIn()
    {
        var email = await TestUsers.CreateAsync(_app.Services, Roles.Marketing);
        using var here = await SignedInAsync(email, TestUsers.Password);
        using var elsewhere = await SignedInAsync(email, TestUsers.Password);

        var changed = await here.SubmitFormAsync("/account/password", Fields(TestUsers.Password, NewPassword, NewPassword));
        _clock.Advance(SecurityRegistration.SessionRevalidationInterval + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("id=\"password-changed\"", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        AssertSentToSignIn(await elsewhere.GetAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await NewClient().SignInAsync(email, TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await NewClient().SignInAsync(email, NewPassword)).StatusCode);
        await using var db = _database.CreateDbContext();
        var audit = await db.AuditLog.Where(a => a.Target == email).ToListAsync();
        Assert.Equal([(email, AuditActions.UserPasswordChanged)], audit.Select(a => (a.Actor, a.Action)));
    }

    [Theory]
    [InlineData("Wrong-current-password-1!", NewPassword, NewPassword, "The current password is wrong.")]
    [InlineData(TestUsers.Password, NewPassword, "Another-password-8!", "The two new passwords differ.")]
    [InlineData(TestUsers.Password, "short", "short", "Passwords must be at least 12 characters.")]
    public async Task ChangeOwnPassword_refused_saysWhy_andChangesNothing(string current, string next, string again, string reason)
    {
        var email = await TestUsers.CreateAsync(_app.Services, Roles.Manager);
        using var here = await SignedInAsync(email, TestUsers.Password);
        using var elsewhere = await SignedInAsync(email, TestUsers.Password);

        var refused = await here.SubmitFormAsync("/account/password", Fields(current, next, again));
        _clock.Advance(SecurityRegistration.SessionRevalidationInterval + TimeSpan.FromSeconds(1));

        Assert.Contains(reason, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await NewClient().SignInAsync(email, TestUsers.Password)).StatusCode);
    }

    [Fact]
    public async Task PasswordPage_anonymous_isSentToSignIn()
    {
        AssertSentToSignIn(await NewClient().GetAsync("/account/password"));
    }

    [Fact]
    public async Task AdminReset_endsEverySessionOfTheUserOnceAMinuteHasPassed_andTheShownPasswordSignsIn()
    {
        var email = await TestUsers.CreateAsync(_app.Services, Roles.Manager);
        using var session = await SignedInAsync(email, TestUsers.Password);
        string shown;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var admin = TestPrincipals.Admin("boss@test.local");
            var user = await administration.FindByEmailAsync(admin, email);
            shown = await administration.ResetPasswordAsync(admin, user.Id);
        }
        _clock.Advance(SecurityRegistration.SessionRevalidationInterval + TimeSpan.FromSeconds(1));

        AssertSentToSignIn(await session.GetAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await NewClient().SignInAsync(email, TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await NewClient().SignInAsync(email, shown)).StatusCode);
    }

    private static Dictionary<string, string> Fields(string current, string next, string again) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = again,
    };

    private CookieClient NewClient() => new(_app.CreateClient(NoRedirects));

    private async Task<CookieClient> SignedInAsync(string email, string password)
    {
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        return client;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(SecurityRegistration.SignInPath, location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }
}
