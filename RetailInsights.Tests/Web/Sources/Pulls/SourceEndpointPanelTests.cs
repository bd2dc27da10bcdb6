using Bunit;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Components;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Security;
using RetailInsights.Web.Sources;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Tests.Web.Sources.Pulls;

/// <summary>
/// The endpoint panel of the Sources page in bUnit, on a real database and Hangfire's real storage: saving schedules
/// the pull, the secret is stored encrypted, and no page ever shows it again.
/// </summary>
[Trait("Tier", "database")]
public sealed class SourceEndpointPanelTests : UploadPagesContext
{
    private const string Url = "https://api.retailer.example/v1/sales";

    protected override (string User, string Role, string[] Policies) SignedIn => ("admin@test.local", Roles.Admin, [Policies.Administer]);

    private RecurringJobDto? Schedule()
    {
        using var connection = Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == PullSchedules.JobId("market"));
    }

    private async Task<IRenderedComponent<SourcesPage>> EditMarketAsync()
    {
        var page = Render<SourcesPage>();
        page.WaitForAssertion(() => Assert.Contains("market", page.Find("#sources-table").TextContent));
        await page.InvokeAsync(() => page.FindAll("#sources-table button").Single(b => b.TextContent.Contains("Edit")).Click());
        // The form is filled in once the stored endpoint has been read; typing before that would be replaced.
        page.WaitForAssertion(() => page.Find("#endpoint-form[data-loaded=true]"));
        return page;
    }

    [Fact]
    public async Task SaveEndpoint_schedulesThePull_storesTheTokenEncrypted_andNoPageShowsItAgain()
    {
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync("market", new SourceChange { Kinds = ["transactions"] },
                "test", CancellationToken.None);
        var page = await EditMarketAsync();
        Assert.Null(Schedule());

        await page.ChangeNowAsync("#endpoint-url", Url);
        await page.ChangeNowAsync("#endpoint-records-path", "data");
        await page.ChangeNowAsync("#endpoint-cursor-field", "updated_at");
        await page.ChangeNowAsync("#endpoint-auth", EndpointAuth.Bearer);
        page.WaitForAssertion(() => page.Find("#endpoint-secret"));
        await page.ChangeNowAsync("#endpoint-secret", RetailerApi.Token);
        await page.ClickNowAsync("#save-endpoint");

        page.WaitForAssertion(() => Assert.Contains("Saved the endpoint of market", page.Find("#endpoint-form").TextContent), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(RetailerApi.Token, page.Markup);
        Assert.Contains("set — type a new one to replace it", page.Markup);
        Assert.Equal("0 * * * *", Schedule()?.Cron);
        var stored = await Pipeline.Database.ScalarAsync<string>("SELECT protected_secret FROM source_endpoints");
        Assert.DoesNotContain(RetailerApi.Token, stored);
        Assert.Equal(RetailerApi.Token, Services.GetRequiredService<EndpointSecrets>().Unprotect("market", stored));

        var again = await EditMarketAsync();

        again.WaitForAssertion(() => Assert.Equal(Url, again.Find("#endpoint-url").GetAttribute("value")));
        Assert.Equal("data", again.Find("#endpoint-records-path").GetAttribute("value"));
        Assert.DoesNotContain(RetailerApi.Token, again.Markup);
        Assert.True(string.IsNullOrEmpty(again.Find("#endpoint-secret").GetAttribute("value")));

        await again.ClickNowAsync("#remove-endpoint");

        again.WaitForAssertion(() => Assert.Contains("Removed the endpoint of market", again.Find("#endpoint-form").TextContent), TimeSpan.FromSeconds(30));
        Assert.Null(Schedule());
        Assert.Equal(0L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM source_endpoints"));
    }

    [Fact]
    public async Task ChangingTheUrlsHost_saysTheSecretMustBeGivenAgain_andSavesTheNewUrlOnlyWithIt()
    {
        const string moved = "https://api.other-retailer.example/v1/sales";
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync("market", new SourceChange { Kinds = ["transactions"] },
                "test", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<EndpointCatalog>().SaveAsync("market", new EndpointChange
                { BaseUrl = Url, CursorField = "updated_at", Auth = EndpointAuth.Bearer, Secret = RetailerApi.Token }, "test", CancellationToken.None);
        }
        var page = await EditMarketAsync();
        page.WaitForAssertion(() => Assert.Contains("set — type a new one to replace it", page.Markup));

        // A new path on the same host keeps the token; another host does not.
        await page.ChangeNowAsync("#endpoint-url", Url + "?status=paid");
        Assert.Contains("set — type a new one to replace it", page.Markup);
        await page.ChangeNowAsync("#endpoint-url", moved);

        page.WaitForAssertion(() => Assert.Contains("must be given again: the base URL's scheme, host or port changed", page.Markup));
        await page.ClickNowAsync("#save-endpoint");

        page.WaitForAssertion(() => Assert.Contains("must be given again with the new URL", page.Find("#endpoint-error").TextContent), TimeSpan.FromSeconds(30));
        Assert.Equal(Url, await Pipeline.Database.ScalarAsync<string>("SELECT base_url FROM source_endpoints"));

        await page.ChangeNowAsync("#endpoint-secret", "token-for-the-new-host");
        await page.ClickNowAsync("#save-endpoint");

        page.WaitForAssertion(() => Assert.Contains("Saved the endpoint of market", page.Find("#endpoint-form").TextContent), TimeSpan.FromSeconds(30));
        Assert.Contains("set — type a new one to replace it", page.Markup);
        Assert.Equal(moved, await Pipeline.Database.ScalarAsync<string>("SELECT base_url FROM source_endpoints"));
        var stored = await Pipeline.Database.ScalarAsync<string>("SELECT protected_secret FROM source_endpoints");
        Assert.Equal("token-for-the-new-host", Services.GetRequiredService<EndpointSecrets>().Unprotect("market", stored));
    }

    [Fact]
    public async Task SaveEndpoint_withABadSchedule_isAnsweredOnThePage_andSchedulesNothing()
    {
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync("market", new SourceChange(), "test", CancellationToken.None);
        var page = await EditMarketAsync();

        await page.ChangeNowAsync("#endpoint-url", Url);
        await page.ChangeNowAsync("#endpoint-cursor-field", "updated_at");
        await page.ChangeNowAsync("#endpoint-schedule", "every hour");
        await page.ClickNowAsync("#save-endpoint");

        page.WaitForAssertion(() => Assert.Contains("is not a schedule", page.Find("#endpoint-error").TextContent), TimeSpan.FromSeconds(10));
        Assert.Null(Schedule());
        Assert.Equal(0L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM source_endpoints"));
    }
}
