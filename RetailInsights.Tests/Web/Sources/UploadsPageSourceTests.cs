using Bunit;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Security;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Sources;

namespace RetailInsights.Tests.Web.Sources;

/// <summary>The upload page with a source chosen, in bUnit on the real intake and database: mapped files go straight in, others wait for one mapping.</summary>
[Trait("Tier", "database")]
public sealed class UploadsPageSourceTests : UploadPagesContext
{
    protected override (string User, string Role, string[] Policies) SignedIn => ("manager@test.local", Roles.Manager, [Policies.ManageUploads]);

    private async Task SaveAsync(string code, SourceChange change)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync(code, change, "test", CancellationToken.None);
    }

    private static async Task ChooseSourceAsync(IRenderedComponent<UploadsPage> page, string code)
    {
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes.TryGetValue("id", out var id) && (string?)id == "upload-source");
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(code));
    }

    [Fact]
    public async Task FileTheSourcesMappingCovers_isQueuedAtOnce_withTheMappingVersion()
    {
        await SaveAsync("franchise", new SourceChange { MapColumns = new Dictionary<string, string> { ["sold_at"] = "InvoiceDate" }, DateOrder = "day-first" });
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));
        await ChooseSourceAsync(page, "franchise");

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(SourceFiles.Franchise, "franchise-day.csv"));

        page.WaitForAssertion(() => Assert.Contains("Read with franchise's mapping version 1.", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("#mapping-step"));
        Assert.Equal("franchise|1|queued", await Pipeline.Database.ScalarAsync<string>(
            "SELECT retailer_code || '|' || mapping_version || '|' || status FROM uploads"));
    }

    [Fact]
    public async Task TwoUnmappedFiles_theFirstIsMapped_andTheSecondIsTakenWithTheSavedMapping()
    {
        await SaveAsync("franchise", new SourceChange { Kinds = ["transactions"] });
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));
        await ChooseSourceAsync(page, "franchise");

        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText(SourceFiles.Franchise, "day-1.csv"),
            InputFileContent.CreateFromText(SourceFiles.Franchise.Replace("536", "936"), "day-2.csv"));
        page.WaitForAssertion(() => Assert.Contains("waits for the mapping below", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Contains("its columns are not mapped for franchise yet", page.Markup);
        Assert.Equal("4", page.Find("#map-invoicedate").QuerySelector("option[selected]")?.GetAttribute("value"));
        await page.ClickNowAsync("#save-mapping");

        page.WaitForAssertion(() => Assert.Contains("mapping version 2, saved now", page.Markup), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("Read with franchise's mapping version 2.", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("#mapping-step"));
        Assert.Equal("day-1.csv|2,day-2.csv|2", await Pipeline.Database.ScalarAsync<string>(
            "SELECT string_agg(file_name || '|' || mapping_version, ',' ORDER BY upload_id) FROM uploads"));
        Assert.Equal(2L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM source_mappings"));
    }

    [Fact]
    public async Task NotLoadingTheFile_removesItsStagedCopy_andRecordsNothing()
    {
        await SaveAsync("franchise", new SourceChange());
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));
        await ChooseSourceAsync(page, "franchise");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(SourceFiles.Franchise, "day-1.csv"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#mapping-step")), TimeSpan.FromSeconds(10));

        await page.ClickNowAsync("#cancel-mapping");

        page.WaitForAssertion(() => Assert.Contains("not loaded: its columns were not mapped", page.Markup));
        Assert.Empty(Directory.GetFiles(Path.Combine(Pipeline.Folder, "staging"), "*day-1*", SearchOption.AllDirectories));
        Assert.Equal(0L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }
}
