using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Admin.Users;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Web.Admin.Users;

/// <summary>The Users page in bUnit on a real database, signed in as an admin, through the same UserAdministration as the commands.</summary>
[Trait("Tier", "database")]
public sealed class UsersPageTests : BunitContext, IAsyncLifetime
{
    private const string Password = "Test-password-42!";
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        _database = await TestDatabase.CreateMigratedAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = _database.ConnectionString,
        }).Build();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddLogging();
        Services.AddRetailInsightsData();
        Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        Services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<RetailInsightsDbContext>().AddDefaultTokenProviders();
        Services.AddIdentityRules(configuration);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<UserAdministration>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("boss@test.local");
        authorization.SetRoles(Roles.Admin);
        authorization.SetPolicies(Policies.Administer);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureRolesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task LastActiveAdmin_cannotBeDisabledOrDemoted_thePageSaysWhy_andNothingChanges()
    {
        var admin = await CreateUserAsync("only-admin@test.local", Roles.Admin);
        await CreateUserAsync("gone-admin@test.local", Roles.Admin, disabled: true);
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains(admin, page.Markup));

        Row(page, admin).QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Disable").Click();
        page.WaitForAssertion(() => Assert.Contains($"{admin} is the last active admin: disabling them would leave nobody to manage users.", page.Markup));
        // The add form's select, then one per row in email order: gone-admin's, only-admin's.
        var roleSelect = page.FindComponents<MudSelect<string>>()[^1];
        Assert.Equal(Roles.Admin, roleSelect.Instance.GetState(x => x.Value));
        await page.InvokeAsync(() => roleSelect.Instance.ValueChanged.InvokeAsync(Roles.Manager));
        page.WaitForAssertion(() => Assert.Contains($"{admin} is the last active admin: making them Manager would leave nobody to manage users.", page.Markup));

        Assert.Equal("Admin active", await _database.ScalarAsync<string>($"""
            SELECT r.name || ' ' || CASE WHEN u.lockout_end IS NULL THEN 'active' ELSE 'disabled' END
            FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE u.email = '{admin}'
            """));
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task ResetPassword_showsTheNewPasswordOnce_itSignsIn_andTheUsersStampIsRenewed()
    {
        await CreateUserAsync("admin@test.local", Roles.Admin);
        var staff = await CreateUserAsync("staff@test.local", Roles.Marketing);
        var stampBefore = await StampAsync(staff);
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains(staff, page.Markup));

        Row(page, staff).QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Reset password").Click();
        var shown = page.WaitForElement("#one-time-password code").TextContent;
        Assert.Contains($"New password for {staff}", page.Find("#one-time-password").TextContent);
        Assert.True(await ChecksAsync(staff, shown));
        Assert.False(await ChecksAsync(staff, Password));
        Assert.NotEqual(stampBefore, await StampAsync(staff));

        // The next action replaces it: the password is never shown again.
        Row(page, staff).QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Disable").Click();
        page.WaitForAssertion(() => Assert.Contains("disabled", Row(page, staff).TextContent));
        Assert.Empty(page.FindAll("#one-time-password"));
        Assert.DoesNotContain(shown, page.Markup);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UsersPage> page, string email) =>
        page.FindAll("tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));

    private async Task<string> CreateUserAsync(string email, string role, bool disabled = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (disabled)
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded);
        return email;
    }

    private Task<string> StampAsync(string email) =>
        _database.ScalarAsync<string>($"SELECT security_stamp FROM users WHERE email = '{email}'");

    private async Task<bool> ChecksAsync(string email, string password)
    {
        await using var db = _database.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var hasher = Services.GetRequiredService<IPasswordHasher<AppUser>>();
        return hasher.VerifyHashedPassword(user, user.PasswordHash!, password) != PasswordVerificationResult.Failed;
    }
}
