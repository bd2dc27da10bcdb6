using Bunit;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Components;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Security;
using RetailInsights.Web.Sources;

namespace RetailInsights.Tests.Web.Sources;

/// <summary>The Sources admin page in bUnit on a real database: each save is a version, a bad setting is answered on the page.</summary>
[Trait("Tier", "database")]
public sealed class SourcesPageTests : UploadPagesContext
{
    protected override (string User, string Role, string[] Policies) SignedIn => ("admin@test.local", Roles.Admin, [Policies.Administer]);

    [Fact]
    public async Task Save_addsTheSourceWithItsMapping_andEditingSavesTheNextVersion()
    {
        var page = Render<SourcesPage>();
        page.WaitForAssertion(() => Assert.Contains("No sources yet", page.Markup));

        await page.ChangeNowAsync("#source-code", "franchise");
        await page.ChangeNowAsync("#source-name", "Franchise North");
        await page.ChangeNowAsync("#source-zone", "Asia/Jakarta");
        await page.ChangeNowAsync("#source-date-order", "day-first");
        await page.ChangeNowAsync("#source-decimal", ",");
        await page.ChangeNowAsync("#source-kind-transactions", true);
        await page.ClickNowAsync("#add-column");
        page.WaitForAssertion(() => page.Find("#source-header-0"));
        await page.ChangeNowAsync("#source-header-0", "sold_at");
        await page.ChangeNowAsync("#source-column-0", "InvoiceDate");
        await page.ClickNowAsync("#save-source");
        page.WaitForAssertion(() => Assert.Contains("Saved franchise as version 1.", page.Find("#source-saved").TextContent), TimeSpan.FromSeconds(10));

        await page.ClickNowAsync("#add-column");
        page.WaitForAssertion(() => page.Find("#source-header-1"));
        await page.ChangeNowAsync("#source-header-1", "member_no");
        await page.ChangeNowAsync("#source-column-1", "Customer ID");
        await page.ClickNowAsync("#save-source");
        page.WaitForAssertion(() => Assert.Contains("Saved franchise as version 2.", page.Find("#source-saved").TextContent), TimeSpan.FromSeconds(10));

        Assert.Contains("sold_at → InvoiceDate, member_no → Customer ID", page.Find("#sources-table").TextContent);
        Assert.Equal(2, page.FindAll("#source-versions tbody tr").Count);
        await using var scope = Services.CreateAsyncScope();
        var saved = (await scope.ServiceProvider.GetRequiredService<SourceCatalog>().GetAsync("franchise"))!;
        Assert.Equal((2, "admin@test.local", "Franchise North", "Asia/Jakarta"), (saved.Version, saved.SavedBy, saved.Name, saved.Mapping.TimeZone));
        Assert.Equal((RetailInsights.Core.Ingestion.DateOrder.DayFirst, ','), (saved.Mapping.DateOrder, saved.Mapping.DecimalSeparator));
        Assert.Equal(["transactions"], saved.Kinds);
    }

    [Fact]
    public async Task Save_unknownTimeZone_isAnsweredOnThePage_andSavesNothing()
    {
        var page = Render<SourcesPage>();
        page.WaitForAssertion(() => Assert.Contains("No sources yet", page.Markup));
        await page.ChangeNowAsync("#source-code", "franchise");
        await page.ChangeNowAsync("#source-zone", "Mars/Olympus");
        await page.ClickNowAsync("#save-source");

        page.WaitForAssertion(() => Assert.Contains("not a time zone this server knows", page.Find("#source-error").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(0L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM source_mappings"));
    }
}
