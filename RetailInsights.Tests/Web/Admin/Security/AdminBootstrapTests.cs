using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Web.Admin.Security;

[Trait("Tier", "database")]
public sealed class AdminBootstrapTests
{
    [Fact]
    public async Task FirstStart_withBootstrapSettings_createsTheAdminOnceWhoCanSignIn()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        const string email = "first-admin@test.local";
        await using (var app = new AppFactory(database).WithWebHostBuilder(b => b
            .UseSetting("Bootstrap:AdminEmail", email)
            .UseSetting("Bootstrap:AdminPassword", SignedInClient.Password)))
        {
            _ = app.Server;
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admins = await users.GetUsersInRoleAsync(Roles.Admin);
            Assert.Equal([email], admins.Select(a => a.Email));
        }

        // A second start with other settings does not add another admin: one exists already.
        await using var again = new AppFactory(database).WithWebHostBuilder(b => b
            .UseSetting("Bootstrap:AdminEmail", "someone-else@test.local")
            .UseSetting("Bootstrap:AdminPassword", SignedInClient.Password));
        _ = again.Server;
        await using var db = database.CreateDbContext();
        Assert.Equal(1, db.Users.Count());
    }

    [Fact]
    public async Task FirstStart_withEmailButNoPassword_createsNoUser()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new AppFactory(database).WithWebHostBuilder(b => b.UseSetting("Bootstrap:AdminEmail", "a@test.local"));
        _ = app.Server;
        await using var db = database.CreateDbContext();
        Assert.Equal(0, db.Users.Count());
        Assert.Equal(Roles.All.Order(), db.Roles.Select(r => r.Name!).ToList().Order());
    }

    [Fact]
    public async Task SignIn_moreAttemptsThanTheLimit_answers429()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new AppFactory(database).WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerMinute", "3"));
        var client = app.CreateClient();

        var statuses = new List<System.Net.HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
            statuses.Add((await SignedInClient.PostSignInAsync(client, "nobody@test.local", "wrong")).StatusCode);

        Assert.Equal(System.Net.HttpStatusCode.OK, statuses[0]);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task Api_moreCallsThanTheLimit_evenWithoutAKey_answers429_whilePagesAreNotLimited()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new AppFactory(database).WithWebHostBuilder(b => b.UseSetting("RateLimits:ApiPerMinute", "3"));
        var client = app.CreateClient();

        var api = new List<System.Net.HttpStatusCode>();
        for (var call = 0; call < 4; call++)
            api.Add((await client.GetAsync("/api/uploads/1")).StatusCode);
        var signInPage = await client.GetAsync("/account/login");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, api[0]);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, api[3]);
        Assert.Equal(System.Net.HttpStatusCode.OK, signInPage.StatusCode);
    }
}
