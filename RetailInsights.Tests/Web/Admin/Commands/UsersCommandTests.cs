using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Admin.Commands;

/// <summary>`users` on a real database, with the results checked where they count: signing in through the real app.</summary>
[Trait("Tier", "database")]
public sealed partial class UsersCommandTests(LiveSessionAppFixture fixture) : IClassFixture<LiveSessionAppFixture>
{
    private const string PipedPassword = "Piped-password-42!";

    [Fact]
    public async Task UsersAdd_nothingPiped_printsAGeneratedPasswordThatSignsInThroughTheApp()
    {
        var email = NewEmail();

        var added = await RunAsync(TextReader.Null, "users", "add", "--email", email, "--role", "Marketing");
        var password = PrintedPassword(added);
        var client = fixture.NewClient();
        var signIn = await SignedInClient.PostSignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.True(IsRedirectTo(await client.GetAsync("/uploads"), SecurityRegistration.AccessDeniedPath));
        Assert.Equal([(AuditActions.UserCreated, "role Marketing")], await AuditAsync(email));
    }

    [Fact]
    public async Task UsersAdd_passwordPiped_isTheUsersPasswordAndIsNotPrinted()
    {
        var email = NewEmail();

        var added = await RunAsync(new StringReader(PipedPassword + "\r\nthe rest is not read\n"),
            "users", "add", "--email", email, "--role", "manager");
        var signIn = await SignedInClient.PostSignInAsync(fixture.NewClient(), email, PipedPassword);

        Assert.True(added.Exit == 0, added.Error);
        Assert.Contains($"Created {email} as Manager with the password from standard input.", added.Output);
        Assert.DoesNotContain(PipedPassword, added.Output + added.Error);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory]
    [InlineData("Short-1!", "Passwords must be at least 12 characters.")]
    [InlineData("", "Passwords must be at least 12 characters.")]
    [InlineData("no-capitals-or-digits", "Passwords must have at least one uppercase ('A'-'Z').")]
    public async Task UsersAdd_weakPipedPassword_exits1SayingWhyAndCreatesNobody(string password, string reason)
    {
        var email = NewEmail();

        var added = await RunAsync(new StringReader(password + "\n"), "users", "add", "--email", email, "--role", "Manager");

        Assert.Equal(1, added.Exit);
        Assert.StartsWith("users add: refused: ", added.Error);
        Assert.Contains(reason, added.Error);
        Assert.False(await UserExistsAsync(email));
        Assert.Empty(await AuditAsync(email));
    }

    [Fact]
    public async Task UsersAdd_passwordLineLongerThanAnyPassword_exits1WithoutReadingOn()
    {
        var email = NewEmail();
        var endless = new StringReader(new string('x', 100_000) + "A1!\n");

        var added = await RunAsync(endless, "users", "add", "--email", email, "--role", "Manager");

        Assert.Equal(1, added.Exit);
        Assert.Contains("longer than 256 characters", added.Error);
        Assert.False(await UserExistsAsync(email));
        Assert.NotEqual(-1, endless.Peek());
    }

    [Fact]
    public async Task UsersAdd_emailTakenInAnyCase_exits1AndKeepsTheFirstUser()
    {
        var email = NewEmail();
        Assert.Equal(0, (await AddAsync(email, "Marketing")).Exit);

        var again = await RunAsync(new StringReader("Other-password-42!\n"), "users", "add", "--email", email.ToUpperInvariant(), "--role", "Admin");

        Assert.Equal(1, again.Exit);
        Assert.Contains("is already taken", again.Error);
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostSignInAsync(fixture.NewClient(), email, PipedPassword)).StatusCode);
        Assert.Single(await AuditAsync(email));
    }

    [Fact]
    public async Task UsersAdd_unknownRole_exits1ListingTheRoles()
    {
        var email = NewEmail();

        var added = await RunAsync(new StringReader(PipedPassword + "\n"), "users", "add", "--email", email, "--role", "Owner");

        Assert.Equal(1, added.Exit);
        Assert.Contains("Unknown role 'Owner'; choose one of Marketing, Manager, Admin.", added.Error);
        Assert.False(await UserExistsAsync(email));
    }

    [Fact]
    public async Task UsersSetRole_signedInUser_endsTheOpenSessionAndTheNextSignInHasTheNewRole()
    {
        var email = NewEmail();
        await AddAsync(email, "Marketing");
        var openSession = fixture.NewClient();
        await SignedInClient.PostSignInAsync(openSession, email, PipedPassword);
        var beforeChange = await openSession.GetAsync("/");

        var changed = await RunAsync(null, "users", "set-role", "--email", email, "--role", "Manager");
        var afterChange = await openSession.GetAsync("/");
        var newSession = fixture.NewClient();
        await SignedInClient.PostSignInAsync(newSession, email, PipedPassword);

        Assert.Equal(HttpStatusCode.OK, beforeChange.StatusCode);
        Assert.True(changed.Exit == 0, changed.Error);
        Assert.Contains($"{email}: Marketing → Manager", changed.Output);
        Assert.True(IsRedirectTo(afterChange, SecurityRegistration.SignInPath));
        Assert.Equal(HttpStatusCode.OK, (await newSession.GetAsync("/uploads")).StatusCode);
        Assert.True(IsRedirectTo(await newSession.GetAsync("/admin/users"), SecurityRegistration.AccessDeniedPath));
        Assert.Equal(
            [(AuditActions.UserCreated, "role Marketing"), (AuditActions.UserRoleChanged, "Marketing → Manager")],
            await AuditAsync(email));
    }

    [Fact]
    public async Task UsersDisable_signedInUser_endsTheOpenSessionAndRefusesSignInUntilEnabled()
    {
        var email = NewEmail();
        await AddAsync(email, "Manager");
        var openSession = fixture.NewClient();
        await SignedInClient.PostSignInAsync(openSession, email, PipedPassword);
        var beforeDisable = await openSession.GetAsync("/");

        var disabled = await RunAsync(null, "users", "disable", "--email", email);
        var afterDisable = await openSession.GetAsync("/");
        var whileDisabled = await SignedInClient.PostSignInAsync(fixture.NewClient(), email, PipedPassword);
        var enabled = await RunAsync(null, "users", "enable", "--email", email);
        var afterEnable = await SignedInClient.PostSignInAsync(fixture.NewClient(), email, PipedPassword);

        Assert.Equal(HttpStatusCode.OK, beforeDisable.StatusCode);
        Assert.Equal((0, 0), (disabled.Exit, enabled.Exit));
        Assert.True(IsRedirectTo(afterDisable, SecurityRegistration.SignInPath));
        Assert.Contains("This account is locked", await whileDisabled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, afterEnable.StatusCode);
        Assert.Equal(
            [AuditActions.UserCreated, AuditActions.UserDisabled, AuditActions.UserEnabled],
            (await AuditAsync(email)).Select(a => a.Action));
    }

    [Fact]
    public async Task UsersList_showsEachUsersRoleAndState()
    {
        var (active, disabled) = (NewEmail(), NewEmail());
        await AddAsync(active, "Marketing");
        await AddAsync(NewEmail(), "Admin"); // the last active admin could not be disabled
        await AddAsync(disabled, "Admin");
        await RunAsync(null, "users", "disable", "--email", disabled);

        var listed = await RunAsync(null, "users", "list");

        Assert.Equal(0, listed.Exit);
        var rows = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Regex.Split(line.Trim(), @"\s{2,}"))
            .ToDictionary(columns => columns[0]);
        Assert.Equal(["EMAIL", "ROLE", "STATE", "FAILED SIGN-INS"], rows["EMAIL"]);
        Assert.Equal([active, "Marketing", "active", "0"], rows[active]);
        Assert.Equal([disabled, "Admin", "disabled", "0"], rows[disabled]);
    }

    [Fact]
    public async Task UsersSetRoleAndDisable_lastActiveAdmin_exits1SayingWhyAndChangesNothing()
    {
        // A database of its own: the class's shared one holds the admins other tests added.
        await using var database = await TestDatabase.CreateMigratedAsync();
        var (first, second) = (NewEmail(), NewEmail());
        Assert.Equal(0, (await AdminCommand.RunAsync(database, new StringReader(PipedPassword + "\n"), "users", "add", "--email", first, "--role", "Admin")).Exit);

        var demoted = await AdminCommand.RunAsync(database, "users", "set-role", "--email", first, "--role", "Manager");
        var disabled = await AdminCommand.RunAsync(database, "users", "disable", "--email", first);
        Assert.Equal(0, (await AdminCommand.RunAsync(database, new StringReader(PipedPassword + "\n"), "users", "add", "--email", second, "--role", "Admin")).Exit);
        var disabledWithAnother = await AdminCommand.RunAsync(database, "users", "disable", "--email", first);
        var secondDemoted = await AdminCommand.RunAsync(database, "users", "set-role", "--email", second, "--role", "Marketing");
        var listed = await AdminCommand.RunAsync(database, "users", "list");

        Assert.Equal((1, 1), (demoted.Exit, disabled.Exit));
        Assert.Equal($"users set-role: refused: {first} is the last active admin: making them Manager would leave nobody to manage users. Make another user an admin first. Nothing was changed.",
            demoted.Error.Trim());
        Assert.Contains($"{first} is the last active admin: disabling them", disabled.Error);
        Assert.Equal(0, disabledWithAnother.Exit);
        // The first is disabled now: the second is the last active admin.
        Assert.Equal(1, secondDemoted.Exit);
        Assert.Contains($"{second} is the last active admin", secondDemoted.Error);
        Assert.Matches($@"{Regex.Escape(second)}\s+Admin\s+active", listed.Output);
        Assert.Matches($@"{Regex.Escape(first)}\s+Admin\s+disabled", listed.Output);
        await using var db = database.CreateDbContext();
        Assert.Equal([AuditActions.UserCreated, AuditActions.UserCreated, AuditActions.UserDisabled],
            await db.AuditLog.OrderBy(a => a.AuditEntryId).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [InlineData("set-role", "--role", "Admin")]
    [InlineData("disable")]
    [InlineData("enable")]
    public async Task Users_unknownEmail_exits1NamingIt(string action, params string[] more)
    {
        var run = await RunAsync(null, ["users", action, "--email", "nobody@test.local", .. more]);

        Assert.Equal(1, run.Exit);
        Assert.Equal($"users {action}: refused: No user has the email 'nobody@test.local'.", run.Error.Trim());
    }

    [Theory]
    [InlineData("users")]
    [InlineData("users", "frobnicate")]
    [InlineData("users", "add", "list")]
    [InlineData("users", "add", "--role", "Manager")]
    [InlineData("users", "add", "--email", "a@test.local")]
    [InlineData("users", "set-role", "--email", "a@test.local")]
    [InlineData("users", "disable", "--email", " ")]
    [InlineData("users", "list", "--all", "yes")]
    public async Task Users_wrongUsage_exits2WithTheReasonAndUsage(params string[] args)
    {
        var run = await RunAsync(new StringReader(PipedPassword + "\n"), args);

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("users: ", run.Error);
        Assert.Contains("set-role --email E --role R", run.Error);
        Assert.Empty(await AuditAsync("a@test.local"));
    }

    private Task<CommandRun> RunAsync(TextReader? input, params string[] args) => AdminCommand.RunAsync(fixture.Database, input, args);

    private Task<CommandRun> AddAsync(string email, string role) =>
        RunAsync(new StringReader(PipedPassword + "\n"), "users", "add", "--email", email, "--role", role);

    private static string NewEmail() => $"cmd-{Guid.NewGuid():N}@test.local";

    private static string PrintedPassword(CommandRun run)
    {
        Assert.True(run.Exit == 0, run.Error);
        var match = PasswordLine().Match(run.Output);
        Assert.True(match.Success, run.Output);
        return match.Groups["password"].Value;
    }

    private static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains(path) == true;

    private async Task<bool> UserExistsAsync(string email)
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    /// <summary>The audit entries about a user, oldest first; every one must name the command as the actor.</summary>
    private async Task<List<(string Action, string? Detail)>> AuditAsync(string email)
    {
        await using var db = fixture.Database.CreateDbContext();
        var entries = await db.AuditLog.Where(a => a.Target == email).OrderBy(a => a.AuditEntryId).ToListAsync();
        Assert.All(entries, e => Assert.Equal(AdminCommand.Actor("users"), e.Actor));
        return entries.Select(e => (e.Action, e.Detail)).ToList();
    }

    [GeneratedRegex(@"Password, shown once \(pass it on now\): (?<password>\S+)")]
    private static partial Regex PasswordLine();
}
