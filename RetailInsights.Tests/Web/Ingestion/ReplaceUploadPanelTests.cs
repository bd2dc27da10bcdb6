using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>
/// The upload page's "Replace with a corrected file", in bUnit on the real intake and loader: the corrected file is
/// queued as a replacement of the page's upload, a file of another day asks "Replace anyway" first, and both uploads
/// link to each other.
/// </summary>
[Trait("Tier", "database")]
public sealed class ReplaceUploadPanelTests : UploadPagesContext
{
    private const string Header = "Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID,StoreId\n";

    protected override (string User, string Role, string[] Policies) SignedIn => ("manager@test.local", Roles.Manager, [Policies.ManageUploads]);

    private async Task<long> LoadedUploadAsync()
    {
        var import = await Pipeline.ImportAsync(Pipeline.Write("s1.csv", Header + "900001,SOAP,2,2025-07-01 09:00:00,1.50,K1,S1\n"));
        return import.Lines.Single().GetProperty("upload").GetInt64();
    }

    /// <summary>Loads the newest queued upload as its Hangfire job would (no job server runs here).</summary>
    private async Task<long> LoadQueuedAsync()
    {
        var queued = await WaitForAsync(() => Pipeline.Database.ScalarAsync<long>("SELECT coalesce(max(upload_id), 0) FROM uploads WHERE status = 'queued'"));
        await Services.GetRequiredService<UploadLoader>().LoadAsync(queued, CancellationToken.None);
        return queued;
    }

    /// <summary>Waits for the panel to open a page (a navigation renders nothing here, so bUnit's waits would not see it).</summary>
    private async Task OpenedAsync(string path)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        for (var i = 0; i < 200 && !navigation.Uri.EndsWith(path, StringComparison.Ordinal); i++)
            await Task.Delay(100);
        Assert.EndsWith(path, navigation.Uri);
    }

    private static async Task<long> WaitForAsync(Func<Task<long>> read)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await read() is > 0 and var value)
                return value;
            await Task.Delay(100);
        }
        throw new TimeoutException("nothing was queued");
    }

    [Fact]
    public async Task ACorrectedFileOfTheSameDay_replacesTheUpload_andOpensTheNewOne()
    {
        var old = await LoadedUploadAsync();
        var page = Render<UploadDetailPage>(p => p.Add(x => x.UploadId, old));
        page.WaitForElement("#replace-choose", TimeSpan.FromSeconds(20));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Header + "900001,SOAP,3,2025-07-01 09:00:00,1.50,K1,S1\n", "s1-fixed.csv"));
        var corrected = await LoadQueuedAsync();
        Assert.Equal("loaded", await Pipeline.Database.ScalarAsync<string>($"SELECT status || coalesce(error_text, '') FROM uploads WHERE upload_id = {corrected}"));

        await OpenedAsync($"/uploads/{corrected}");
        Assert.Equal(old, await Pipeline.Database.ScalarAsync<long>($"SELECT replaces_upload_id FROM uploads WHERE upload_id = {corrected}"));
        Assert.Equal("manager@test.local", await Pipeline.Database.ScalarAsync<string>($"SELECT uploaded_by FROM uploads WHERE upload_id = {corrected}"));
        Assert.Equal(3L, await Pipeline.Database.ScalarAsync<long>("SELECT sum(quantity) FROM fact_sales"));
        var oldPage = Render<UploadDetailPage>(p => p.Add(x => x.UploadId, old));
        oldPage.WaitForAssertion(() => Assert.Contains($"Replaced by upload #{corrected}", oldPage.Find("#replaced-by").TextContent), TimeSpan.FromSeconds(20));
        Assert.Empty(oldPage.FindAll("#replace-choose"));
        var newPage = Render<UploadDetailPage>(p => p.Add(x => x.UploadId, corrected));
        newPage.WaitForAssertion(() => Assert.Contains($"upload #{old}", newPage.Find("#replaces").TextContent), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task AFileOfAnotherDay_asksReplaceAnyway_andReplacesOnceConfirmed()
    {
        var old = await LoadedUploadAsync();
        var page = Render<UploadDetailPage>(p => p.Add(x => x.UploadId, old));
        page.WaitForElement("#replace-choose", TimeSpan.FromSeconds(20));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Header + "900001,SOAP,3,2025-07-02 09:00:00,1.50,K1,S1\n", "s1-0702.csv"));
        var first = await LoadQueuedAsync();
        page.WaitForAssertion(() => Assert.StartsWith(UploadReplacement.NeedsConfirmation, page.Find("#replace-message").TextContent.Trim()),
            TimeSpan.FromSeconds(20));
        Assert.Equal(2L, await Pipeline.Database.ScalarAsync<long>("SELECT sum(quantity) FROM fact_sales"));

        await page.Find("#replace-anyway").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        var second = await WaitForAsync(() => Pipeline.Database.ScalarAsync<long>(
            $"SELECT coalesce(max(upload_id), 0) FROM uploads WHERE status = 'queued' AND upload_id > {first}"));
        await Services.GetRequiredService<UploadLoader>().LoadAsync(second, CancellationToken.None);

        await OpenedAsync($"/uploads/{second}");
        Assert.True(await Pipeline.Database.ScalarAsync<bool>($"SELECT replace_confirmed FROM uploads WHERE upload_id = {second}"));
        Assert.Equal(20250702L, await Pipeline.Database.ScalarAsync<long>("SELECT min(date_key)::bigint FROM fact_sales"));
    }
}
