using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Admin.Commands;

/// <summary>`api-keys` on a real database, with the keys tried where they count: the running app's upload API.</summary>
[Trait("Tier", "database")]
public sealed class ApiKeysCommandTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ApiKeysCreate_printedKey_opensTheUploadApiUntilRevoked()
    {
        var name = NewName();

        var created = await RunAsync("api-keys", "create", "--name", name);
        var secret = PrintedKey(created);
        var client = SignedInClient.Anonymous(fixture.App);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, secret);
        var beforeRevoke = await client.GetAsync("/api/uploads/1");
        var revoked = await RunAsync("api-keys", "revoke", "--name", name);
        var afterRevoke = await client.GetAsync("/api/uploads/1");

        Assert.Equal(HttpStatusCode.NotFound, beforeRevoke.StatusCode);
        Assert.True(revoked.Exit == 0, revoked.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        await using var db = fixture.Database.CreateDbContext();
        var key = await db.ApiKeys.SingleAsync(k => k.Name == name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), key.KeyHash);
        Assert.DoesNotContain(secret, string.Join("|", key.Name, key.Prefix, key.KeyHash, key.CreatedBy));
        Assert.Equal(AdminCommand.Actor("api-keys"), key.CreatedBy);
        var audit = await db.AuditLog.Where(a => a.Target == $"api key {name} ({key.Prefix}…)").OrderBy(a => a.AuditEntryId).ToListAsync();
        Assert.Equal([AuditActions.ApiKeyCreated, AuditActions.ApiKeyRevoked], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(AdminCommand.Actor("api-keys"), a.Actor));
    }

    [Fact]
    public async Task ApiKeysRevoke_nameOfTwoActiveKeys_refusesUntilOneIsNamedById()
    {
        var name = NewName();
        var first = PrintedKey(await RunAsync("api-keys", "create", "--name", name));
        var second = PrintedKey(await RunAsync("api-keys", "create", "--name", name));
        var ids = await KeyIdsAsync(name);

        var ambiguous = await RunAsync("api-keys", "revoke", "--name", name);
        var activeAfterRefusal = await ActiveCountAsync(name);
        var byId = await RunAsync("api-keys", "revoke", "--id", ids[0].ToString());
        var byName = await RunAsync("api-keys", "revoke", "--name", name);
        var again = await RunAsync("api-keys", "revoke", "--name", name);

        Assert.Equal(1, ambiguous.Exit);
        Assert.Contains($"2 active keys are named '{name}' (ids {ids[0]}, {ids[1]}); revoke one with --id.", ambiguous.Error);
        Assert.Equal(2, activeAfterRefusal);
        Assert.Equal((0, 0, 0), (byId.Exit, byName.Exit, again.Exit));
        Assert.Contains($"Revoked API key #{ids[0]} '{name}'", byId.Output);
        Assert.Contains($"Revoked API key #{ids[1]} '{name}'", byName.Output);
        Assert.Contains("was already revoked", again.Output);
        Assert.Equal(0, await ActiveCountAsync(name));
        Assert.NotEqual(first, second);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == AuditActions.ApiKeyRevoked && a.Target.StartsWith($"api key {name} ")));
    }

    [Theory]
    [InlineData("--name", "no such system", "No API key is named 'no such system'.")]
    [InlineData("--id", "999999", "No API key has the id 999999.")]
    public async Task ApiKeysRevoke_unknownKey_exits1NamingIt(string option, string value, string reason)
    {
        var run = await RunAsync("api-keys", "revoke", option, value);

        Assert.Equal(1, run.Exit);
        Assert.Equal($"api-keys revoke: refused: {reason}", run.Error.Trim());
    }

    [Fact]
    public async Task ApiKeysList_showsEachKeysStartAndStateButNeverTheKey()
    {
        var (kept, revoked) = (NewName(), NewName());
        var keptSecret = PrintedKey(await RunAsync("api-keys", "create", "--name", kept));
        var revokedSecret = PrintedKey(await RunAsync("api-keys", "create", "--name", revoked));
        await RunAsync("api-keys", "revoke", "--name", revoked);

        var listed = await RunAsync("api-keys", "list");

        Assert.Equal(0, listed.Exit);
        var lines = listed.Output.Split('\n');
        Assert.StartsWith("    ID  NAME", lines[0]);
        var keptLine = Assert.Single(lines, l => l.Contains(kept));
        var revokedLine = Assert.Single(lines, l => l.Contains(revoked));
        Assert.Contains(keptSecret[..10] + "…", keptLine);
        Assert.Contains("  active (created by " + AdminCommand.Actor("api-keys") + ")", keptLine);
        Assert.Contains("  revoked 20", revokedLine);
        Assert.DoesNotContain(keptSecret, listed.Output);
        Assert.DoesNotContain(revokedSecret, listed.Output);
    }

    [Fact]
    public async Task ApiKeysCreateWithAScope_limitsTheKey_andScopeWidensItAgain_audited()
    {
        var name = NewName();
        var secret = PrintedKey(await RunAsync("api-keys", "create", "--name", name, "--purposes", "events", "--stores", "S01"));
        var client = SignedInClient.Anonymous(fixture.App);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, secret);
        async Task<HttpStatusCode> PostAsync(string id) => (await client.PostAsJsonAsync("/api/events/transactions?source=pos",
            new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["transaction_id"] = id, ["product_id"] = "P1", ["store_id"] = "S02", ["amount"] = 2,
                ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            }))).StatusCode;

        var narrow = await PostAsync($"CMD-{Guid.NewGuid():N}");
        var upload = (await client.GetAsync("/api/uploads/1")).StatusCode;
        var widened = await RunAsync("api-keys", "scope", "--name", name, "--purposes", "events", "--stores", "S01,S02");
        var wide = await PostAsync($"CMD-{Guid.NewGuid():N}");
        var badPurpose = await RunAsync("api-keys", "scope", "--name", name, "--purposes", "pulls");
        var listed = await RunAsync("api-keys", "list");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (narrow, upload, wide));
        Assert.True(widened.Exit == 0, widened.Error);
        Assert.Contains("now has the scope: events · any source · stores S01, S02.", widened.Output);
        Assert.Equal(1, badPurpose.Exit);
        Assert.Contains("'pulls' is not a purpose", badPurpose.Error);
        Assert.Contains("events · any source · stores S01, S02", Assert.Single(listed.Output.Split('\n'), l => l.Contains(name)));
        await using var db = fixture.Database.CreateDbContext();
        var audit = await db.AuditLog.Where(a => a.Target.StartsWith($"api key {name} ")).OrderBy(a => a.AuditEntryId).ToListAsync();
        Assert.Equal([AuditActions.ApiKeyCreated, AuditActions.ApiKeyScopeChanged], audit.Select(a => a.Action));
        Assert.Equal("events · any source · stores S01", audit[0].Detail);
    }

    [Theory]
    [InlineData("api-keys")]
    [InlineData("api-keys", "rotate")]
    [InlineData("api-keys", "create")]
    [InlineData("api-keys", "create", "--name", " ")]
    [InlineData("api-keys", "create", "--name", "till", "--role", "Admin")]
    [InlineData("api-keys", "revoke")]
    [InlineData("api-keys", "revoke", "--name", "till", "--id", "1")]
    [InlineData("api-keys", "revoke", "--id", "first")]
    public async Task ApiKeys_wrongUsage_exits2WithTheReasonAndUsage(params string[] args)
    {
        await using var db = fixture.Database.CreateDbContext();
        var keysBefore = await db.ApiKeys.CountAsync();

        var run = await RunAsync(args);

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("api-keys: ", run.Error);
        Assert.Contains("revoke --name N", run.Error);
        Assert.Equal(keysBefore, await db.ApiKeys.CountAsync());
    }

    private Task<CommandRun> RunAsync(params string[] args) => AdminCommand.RunAsync(fixture.Database, args);

    private static string NewName() => $"till {Guid.NewGuid():N}";

    private static string PrintedKey(CommandRun run)
    {
        Assert.True(run.Exit == 0, run.Error);
        return Assert.Single(run.Output.Split('\n', StringSplitOptions.TrimEntries), line => line.StartsWith("ri_"));
    }

    private async Task<List<int>> KeyIdsAsync(string name)
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.ApiKeys.Where(k => k.Name == name).OrderBy(k => k.ApiKeyId).Select(k => k.ApiKeyId).ToListAsync();
    }

    private async Task<int> ActiveCountAsync(string name)
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.ApiKeys.CountAsync(k => k.Name == name && k.RevokedAt == null);
    }
}
