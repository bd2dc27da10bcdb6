using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Components;
using RetailInsights.Web.Admin.ApiKeys;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Web.Admin.ApiKeys;

/// <summary>The API keys page in bUnit on a real database: each key's scope shown, keys made with a scope, a key narrowed and audited.</summary>
[Trait("Tier", "database")]
public sealed class ApiKeysPageTests : UploadPagesContext
{
    public ApiKeysPageTests() => Services.AddScoped<ApiKeyService>();

    protected override (string User, string Role, string[] Policies) SignedIn => ("admin@test.local", Roles.Admin, [Policies.Administer]);

    private async Task<ApiKey> KeyNamedAsync(string name)
    {
        await using var db = Pipeline.Database.CreateDbContext();
        return await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == name);
    }

    [Fact]
    public async Task Create_withPurposeSourcesAndStores_savesThatScope_andTheTableShowsIt()
    {
        var page = Render<ApiKeysPage>();
        page.WaitForAssertion(() => page.Find("#api-keys-table"));

        await page.ChangeNowAsync("#new-key-name", "Kemang tills");
        await page.ChangeNowAsync("#new-key-purpose-uploads", false);
        await page.ChangeNowAsync("#new-key-sources", "pos");
        await page.ChangeNowAsync("#new-key-stores", "JKT-01, JKT-02");
        await page.ClickNowAsync("#create-key");
        page.WaitForAssertion(() => page.Find("#one-time-key"), TimeSpan.FromSeconds(10));

        var key = await KeyNamedAsync("Kemang tills");
        Assert.Equal([ApiKeyPurposes.Events], key.Purposes);
        Assert.Equal(["pos"], key.AllowedSources!);
        Assert.Equal(["JKT-01", "JKT-02"], key.AllowedStores!);
        page.WaitForAssertion(() => Assert.Equal("events · sources pos · stores JKT-01, JKT-02", page.Find($"#key-scope-{key.ApiKeyId}").TextContent));
    }

    [Fact]
    public async Task Create_withNoPurpose_isAnsweredOnThePage_andMakesNoKey()
    {
        var page = Render<ApiKeysPage>();
        page.WaitForAssertion(() => page.Find("#api-keys-table"));

        await page.ChangeNowAsync("#new-key-name", "Purposeless");
        await page.ChangeNowAsync("#new-key-purpose-uploads", false);
        await page.ChangeNowAsync("#new-key-purpose-events", false);
        await page.ClickNowAsync("#create-key");

        page.WaitForAssertion(() => Assert.Contains("at least one purpose", page.Find("#key-error").TextContent), TimeSpan.FromSeconds(10));
        await using var db = Pipeline.Database.CreateDbContext();
        Assert.False(await db.ApiKeys.AnyAsync(k => k.Name == "Purposeless"));
    }

    [Fact]
    public async Task AnOldKey_isShownWithFullRights_andNarrowingItSavesTheScope_andIsAudited()
    {
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Old gateway", "admin@test.local", CancellationToken.None);
        var old = await KeyNamedAsync("Old gateway");
        var page = Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Equal(ApiKeyScope.Full.Describe(), page.Find($"#key-scope-{old.ApiKeyId}").TextContent));
        Assert.Contains("Keys made before scopes existed have full rights", page.Find("#full-rights-note").TextContent);

        await page.ClickNowAsync($"#edit-scope-{old.ApiKeyId}");
        page.WaitForAssertion(() => page.Find("#scope-editor"));
        await page.ChangeNowAsync("#scope-purpose-events", false);
        await page.ChangeNowAsync("#scope-stores", "BDG-01");
        await page.ClickNowAsync("#save-scope");

        page.WaitForAssertion(() => Assert.Equal("uploads · any source · stores BDG-01", page.Find($"#key-scope-{old.ApiKeyId}").TextContent),
            TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("#scope-editor"));
        var narrowed = await KeyNamedAsync("Old gateway");
        Assert.Equal([ApiKeyPurposes.Uploads], narrowed.Purposes);
        Assert.Null(narrowed.AllowedSources);
        Assert.Equal(["BDG-01"], narrowed.AllowedStores!);
        await using var db = Pipeline.Database.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ApiKeyScopeChanged);
        Assert.Equal(("admin@test.local", $"api key Old gateway ({old.Prefix}…)"), (audit.Actor, audit.Target));
        Assert.Equal($"{ApiKeyScope.Full.Describe()} → uploads · any source · stores BDG-01", audit.Detail);
    }
}
