using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Web.Ingestion;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Sources;

namespace RetailInsights.Tests.Web.Sources;

/// <summary>The Sources admin page in bUnit on a real database: each save is a version, a bad setting is answered on the page.</summary>
public sealed class SourcesPageTests : UploadPagesContext
{
    protected override (string User, string Role, string[] Policies) SignedIn => ("admin@test.local", Roles.Admin, [Policies.Administer]);

    [Fact]
    public async Task Save_addsTheSourceWithItsMapping_andEditingSavesTheNextVersion()
    {
        var page = Render<SourcesPage>();
        page.WaitForAssertion(() => Assert.Contains("No sources yet", page.Markup));

        page.Find("#source-code").Change("franchise");
        page.Find("#source-name").Change("Franchise North");
        page.Find("#source-zone").Change("Asia/Jakarta");
        page.Find("#source-date-order").Change("day-first");
        page.Find("#source-decimal").Change(",");
        page.Find("#source-kind-transactions").Change(true);
        page.Find("#add-column").Click();
        page.WaitForAssertion(() => page.Find("#source-header-0"));
        page.Find("#source-header-0").Change("sold_at");
        page.Find("#source-column-0").Change("InvoiceDate");
        page.Find("#save-source").Click();
        page.WaitForAssertion(() => Assert.Contains("Saved franchise as version 1.", page.Find("#source-saved").TextContent), TimeSpan.FromSeconds(10));

        page.Find("#add-column").Click();
        page.WaitForAssertion(() => page.Find("#source-header-1"));
        page.Find("#source-header-1").Change("member_no");
        page.Find("#source-column-1").Change("Customer ID");
        page.Find("#save-source").Click();
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
        page.Find("#source-code").Change("franchise");
        page.Find("#source-zone").Change("Mars/Olympus");
        page.Find("#save-source").Click();

        page.WaitForAssertion(() => Assert.Contains("not a time zone this server knows", page.Find("#source-error").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(0L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM source_mappings"));
    }
}
