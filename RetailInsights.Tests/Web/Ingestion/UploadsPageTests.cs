using Bunit;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Components;
using Microsoft.AspNetCore.Components.Forms;
using RetailInsights.Web.Security;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>The upload page in bUnit, on the real intake, a real database and Hangfire's real storage.</summary>
[Trait("Tier", "database")]
public sealed class UploadsPageTests : UploadPagesContext
{
    protected override (string User, string Role, string[] Policies) SignedIn => ("manager@test.local", Roles.Manager, [Policies.ManageUploads]);

    [Fact]
    public async Task ChoosingAFile_streamsItToStaging_queuesItsJob_andListsIt()
    {
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));

        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01,2\n", "till-1.csv"));

        page.WaitForAssertion(() => Assert.Contains("Queued as upload #1", page.Markup), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("till-1.csv", page.Find("#uploads-table").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("queued", await Pipeline.Database.ScalarAsync<string>("SELECT status FROM uploads WHERE upload_id = 1"));
        Assert.True(File.Exists(await Pipeline.Database.ScalarAsync<string>("SELECT staged_path FROM uploads WHERE upload_id = 1")));
        Assert.Equal(1L, await Pipeline.Database.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ImportUploadJob%'"));
        Assert.Equal(1L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'upload' AND actor = 'manager@test.local'"));
    }

    [Fact]
    public async Task AFileTheIntakeRefuses_isAnsweredOnThePage_andTheNextFileStillGoesThrough()
    {
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));
        await page.ChangeNowAsync("#upload-store", new string('S', 70));

        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01,2\n", "till-1.csv"));
        page.WaitForAssertion(() => Assert.Contains("not received: store is 70 characters", page.Markup), TimeSpan.FromSeconds(10));
        await page.ChangeNowAsync("#upload-store", "JKT-01");
        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("Invoice,StockCode,Quantity,InvoiceDate,Price\n2,A,1,2025-07-01,2\n", "till-2.csv"));

        page.WaitForAssertion(() => Assert.Contains("Queued as upload #", page.Markup), TimeSpan.FromSeconds(10));
    }
}
