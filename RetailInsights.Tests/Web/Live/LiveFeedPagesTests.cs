using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Core.Ingestion;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Components;
using RetailInsights.Web.Security;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Ingestion.Loading;
using RetailInsights.Web.Live;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Tests.Web.Live;

/// <summary>A live feed's pages, in bUnit on the real services and database: what they offer, and to whom.</summary>
public abstract class LiveFeedPagesContext : UploadPagesContext
{
    protected static readonly DateTime At = DateTime.SpecifyKind(DateTime.UtcNow.AddHours(-1), DateTimeKind.Unspecified);

    protected DateOnly Day => DateOnly.FromDateTime(At);

    protected override void AddServices(IServiceCollection services) => services.AddScoped<StoreDayVoids>();

    /// <summary>Source pos's live feed, holding two sales of store S9 and one of S8; its upload id.</summary>
    protected async Task<long> FeedAsync()
    {
        var writer = new EventWriter(Pipeline.Database.DataSource);
        await writer.WriteSalesAsync("pos",
        [
            new(0, "E1", new TransactionRow(0, "INV1", "P1", null, 2, At, 1.5m, "K1", null, "S9", RowFlags.None)),
            new(1, "E2", new TransactionRow(1, "INV2", "P1", null, 1, At, 1.5m, "K1", null, "S9", RowFlags.None)),
            new(2, "E3", new TransactionRow(2, "INV3", "P1", null, 1, At, 1.5m, "K1", null, "S8", RowFlags.None)),
        ], At.AddDays(-1), CancellationToken.None);
        return await LiveFeeds.EnsureAsync(Pipeline.Database.DataSource, "pos", CancellationToken.None);
    }

    protected Task<long> CountAsync(string sql) => Pipeline.Database.ScalarAsync<long>(sql);
}

[Trait("Tier", "database")]
public sealed class LiveFeedPagesForAManagerTests : LiveFeedPagesContext
{
    protected override (string User, string Role, string[] Policies) SignedIn => ("manager@test.local", Roles.Manager, [Policies.ManageUploads]);

    [Fact]
    public async Task ALiveFeedsUploadPage_offersNoReplacement_andSaysHowLiveDataIsCorrected()
    {
        var feed = await FeedAsync();

        var page = Render<UploadDetailPage>(p => p.Add(x => x.UploadId, feed));

        page.WaitForAssertion(() => Assert.Contains("no file replaces it", page.Find("#live-feed").TextContent), TimeSpan.FromSeconds(20));
        Assert.Empty(page.FindAll("#replace-choose"));
        Assert.Empty(page.FindAll("[data-action]"));
    }

    [Fact]
    public async Task TheVoidPanel_isNotShownToAManager()
    {
        await FeedAsync();

        var panel = Render<VoidStoreDayPanel>();

        Assert.Empty(panel.FindAll("#void-store-day"));
    }
}

[Trait("Tier", "database")]
public sealed class LiveFeedPagesForAnAdminTests : LiveFeedPagesContext
{
    protected override (string User, string Role, string[] Policies) SignedIn =>
        ("admin@test.local", Roles.Admin, [Policies.ManageUploads, Policies.Administer]);

    [Fact]
    public async Task ALiveFeedShownStuck_offersNoRetryOrCancel_andCannotBeCancelled()
    {
        // A feed is loaded from the start and never stuck; a row put back to loading by hand must still not be ended or re-run.
        var feed = await FeedAsync();
        await Pipeline.Database.ExecuteAsync($"UPDATE uploads SET status = 'loading', started_at = now() - interval '3 hours' WHERE upload_id = {feed}");

        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("stuck (loading)", page.Find("#uploads-table").TextContent));

        Assert.Empty(page.FindAll("[data-action]"));
        Assert.False(await Services.GetRequiredService<UploadsTable>().CancelUnlessLoadingAsync(feed, "cancelled", CancellationToken.None));
        Assert.Equal("loading", await Pipeline.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {feed}"));
        Assert.Equal(3L, await CountAsync($"SELECT count(*) FROM fact_sales WHERE upload_id = {feed}"));
    }

    [Fact]
    public async Task TheVoidPanel_checksAStoreDay_thenVoidsItWithTheReason()
    {
        await FeedAsync();
        var panel = Render<VoidStoreDayPanel>();
        await panel.ChangeNowAsync("#void-store", "S9");
        await panel.ChangeNowAsync("#void-day", Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        await panel.ClickNowAsync("#void-check");
        panel.WaitForAssertion(() => Assert.Contains("2 live sales lines, 0 live refunds and 2 event ids of store S9", panel.Find("#void-preview").TextContent));
        await panel.ClickNowAsync("#void-confirm");
        panel.WaitForAssertion(() => Assert.Contains("Say why", panel.Find("#void-message").TextContent));
        Assert.Equal(3L, await CountAsync("SELECT count(*) FROM fact_sales"));
        await panel.ChangeNowAsync("#void-reason", "test sales sent to production");
        await panel.ClickNowAsync("#void-confirm");

        panel.WaitForAssertion(() => Assert.StartsWith("Voided 2 live sales lines", panel.Find("#void-message").TextContent.Trim()));
        Assert.Equal(["INV3"], await Pipeline.Database.TextsAsync("SELECT invoice FROM fact_sales"));
        Assert.Equal(["E3"], await Pipeline.Database.TextsAsync("SELECT event_id FROM live_events"));
        Assert.Equal(["admin@test.local"], await Pipeline.Database.TextsAsync("SELECT actor FROM audit_log WHERE action = 'live_events.voided'"));
    }
}
