using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Admin.Users;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Web.Admin.Security;

[Trait("Tier", "database")]
public sealed class SignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SignIn_rightPassword_redirectsHomeWithAuthCookie()
    {
        var email = $"ok-{Guid.NewGuid():N}@test.local";
        await SignedInClient.CreateUserAsync(fixture.App, email, Roles.Marketing);
        var client = SignedInClient.Anonymous(fixture.App);

        var response = await SignedInClient.PostSignInAsync(client, email, SignedInClient.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("retailinsights.auth=") && c.Contains("httponly"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_wrongPassword_staysOnFormWithMessage()
    {
        var email = $"wrong-{Guid.NewGuid():N}@test.local";
        await SignedInClient.CreateUserAsync(fixture.App, email, Roles.Marketing);

        var response = await SignedInClient.PostSignInAsync(SignedInClient.Anonymous(fixture.App), email, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_fiveWrongPasswords_locksTheAccountEvenForTheRightOne()
    {
        var email = $"lock-{Guid.NewGuid():N}@test.local";
        await SignedInClient.CreateUserAsync(fixture.App, email, Roles.Manager);
        var client = SignedInClient.Anonymous(fixture.App);

        for (var attempt = 0; attempt < 5; attempt++)
            await SignedInClient.PostSignInAsync(client, email, "wrong-password-" + attempt);
        var withRightPassword = await SignedInClient.PostSignInAsync(client, email, SignedInClient.Password);

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("This account is locked", await withRightPassword.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_unknownOrDisabledEmail_getsTheSameAnswersAndLockOutAsARealAccount_attemptByAttempt()
    {
        var (real, disabled, unknown) = ($"real-{Guid.NewGuid():N}@test.local", $"off-{Guid.NewGuid():N}@test.local", $"nobody-{Guid.NewGuid():N}@test.local");
        await SignedInClient.CreateUserAsync(fixture.App, real, Roles.Manager);
        await SignedInClient.CreateUserAsync(fixture.App, disabled, Roles.Manager);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(disabled))!, DateTimeOffset.MaxValue);
        }
        var client = SignedInClient.Anonymous(fixture.App);

        // Five wrong passwords, then the real account's right one (which the others cannot tell from a wrong one).
        var attempts = Enumerable.Range(0, 5).Select(i => "wrong-password-" + i).Append(SignedInClient.Password).ToList();
        var answers = new Dictionary<string, List<string>>();
        foreach (var email in new[] { real, disabled, unknown })
        {
            answers[email] = [];
            foreach (var password in attempts)
            {
                var response = await SignedInClient.PostSignInAsync(client, email, password);
                answers[email].Add($"{(int)response.StatusCode} {Comparable(await response.Content.ReadAsStringAsync(), email)}");
            }
        }

        Assert.All(answers[real].Take(4), a => Assert.Contains("Wrong email or password.", a));
        Assert.All(answers[real].Skip(4), a => Assert.Contains("This account is locked", a));
        for (var i = 0; i < attempts.Count; i++)
        {
            Assert.Equal(answers[real][i], answers[unknown][i]);
            Assert.Equal(answers[real][i], answers[disabled][i]);
        }
    }

    [Fact]
    public async Task SignIn_disabledAccountsOwnPassword_saysItIsLocked()
    {
        var email = $"off-{Guid.NewGuid():N}@test.local";
        await SignedInClient.CreateUserAsync(fixture.App, email, Roles.Manager);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.MaxValue);
        }

        var response = await SignedInClient.PostSignInAsync(SignedInClient.Anonymous(fixture.App), email, SignedInClient.Password);

        Assert.Contains("This account is locked", await response.Content.ReadAsStringAsync());
    }

    // The page as answered, less what differs by request (antiforgery tokens) and the address typed back into the form.
    private static string Comparable(string html, string email) =>
        System.Text.RegularExpressions.Regex.Replace(html.Replace(email, "EMAIL", StringComparison.Ordinal),
            "CfDJ8[A-Za-z0-9_+/=-]*", "TOKEN");

    [Fact]
    public async Task SignOut_formPost_endsTheSession()
    {
        var client = await SignedInClient.ForRoleAsync(fixture.App, Roles.Marketing);
        var page = await client.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var signOut = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task UserAdministration_adminActions_takeEffectAndAreAudited()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var admin = Principal("boss@test.local", Roles.Admin);
        var email = $"staff-{Guid.NewGuid():N}@test.local";

        var password = await administration.CreateAsync(admin, email, Roles.Marketing);
        var signedIn = await SignedInClient.PostSignInAsync(SignedInClient.Anonymous(fixture.App), email, password);
        var user = (await administration.ListAsync(admin)).Single(u => u.Email == email);
        await administration.SetRoleAsync(admin, user.Id, Roles.Manager);
        var newPassword = await administration.ResetPasswordAsync(admin, user.Id);
        await administration.SetDisabledAsync(admin, user.Id, disabled: true);
        var whileDisabled = await SignedInClient.PostSignInAsync(SignedInClient.Anonymous(fixture.App), email, newPassword);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(Roles.Manager, (await administration.ListAsync(admin)).Single(u => u.Email == email).Role);
        Assert.Contains("This account is locked", await whileDisabled.Content.ReadAsStringAsync());
        await using var db = fixture.Database.CreateDbContext();
        var actions = await db.AuditLog.Where(a => a.Target == email).Select(a => a.Action).ToListAsync();
        Assert.Equal(
            [AuditActions.UserCreated, AuditActions.UserRoleChanged, AuditActions.UserPasswordReset, AuditActions.UserDisabled],
            actions);
        Assert.All(await db.AuditLog.Where(a => a.Target == email).ToListAsync(), a => Assert.Equal("boss@test.local", a.Actor));
    }

    [Fact]
    public async Task UserAdministration_nonAdmin_isRefusedEvenWithoutThePage()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            administration.CreateAsync(Principal("mgr@test.local", Roles.Manager), "x@test.local", Roles.Admin));
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "x@test.local"));
    }

    private static ClaimsPrincipal Principal(string name, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
