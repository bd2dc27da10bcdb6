using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Ingestion;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Sources;

namespace RetailInsights.Tests.Web.Sources;

/// <summary>
/// The running app's door for a source's files through the upload API's <c>source=</c> field, Hangfire's real server
/// and the real loader.
/// </summary>
[Trait("Tier", "database")]
public sealed class SourceEntryPointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<SourceSettings> FranchiseAsync(string code)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync(code, new SourceChange
        {
            MapColumns = new Dictionary<string, string> { ["sold_at"] = "InvoiceDate", ["member_no"] = "Customer ID" },
            DateOrder = "day-first",
            DecimalSeparator = ",",
        }, "test", CancellationToken.None);
    }

    [Fact]
    public async Task ApiSourceField_readsTheFileWithTheSourcesMapping_andRecordsItsVersion()
    {
        var source = await FranchiseAsync("api-franchise");
        var client = await ApiClientAsync();

        var post = await client.PostAsync("/api/uploads", Multipart(SourceFiles.Franchise, "api-franchise.csv", ("source", source.Code)));
        var accepted = await post.Content.ReadFromJsonAsync<UploadApi.UploadAcceptedResponse>();
        var status = await WaitForFinishAsync(client, accepted!.Id);

        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        Assert.Equal(("loaded", 5L, 1L), (status.Status, status.Accepted, status.Rejected));
        Assert.Equal($"api-franchise|{source.Version}", await fixture.Database.ScalarAsync<string>(
            $"SELECT retailer_code || '|' || mapping_version FROM uploads WHERE upload_id = {accepted.Id}"));
        Assert.Equal(1234.5m, await fixture.Database.ScalarAsync<decimal>(
            "SELECT f.unit_price FROM fact_sales f JOIN dim_retailer r USING (retailer_id) WHERE r.code = 'api-franchise' AND f.invoice = '536366'"));
    }

    [Fact]
    public async Task ApiUnknownSource_isABadRequestNamingTheField_andNothingIsKept()
    {
        var client = await ApiClientAsync();
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM uploads");

        var post = await client.PostAsync("/api/uploads", Multipart(SourceFiles.Franchise, "nobody.csv", ("source", "nobody")));
        var body = await post.Content.ReadFromJsonAsync<Dictionary<string, string>>();

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("source", body!["field"]);
        Assert.Contains("There is no source 'nobody'", body["error"]);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
        Assert.Empty(Directory.GetFiles(fixture.App.StagingFolder, "*nobody*"));
    }

    private Task<HttpClient> ApiClientAsync() => SignedInClient.WithApiKeyAsync(fixture.App, "test client");

    private static MultipartFormDataContent Multipart(string csv, string fileName, params (string Name, string Value)[] fields) =>
        UploadApiRequests.Form(Encoding.UTF8.GetBytes(csv), "text/csv", fileName, fields);

    private static Task<UploadApi.UploadStatusResponse> WaitForFinishAsync(HttpClient client, long? id) =>
        UploadApiRequests.WaitForFinishAsync(client, id, TimeSpan.FromSeconds(90));
}
