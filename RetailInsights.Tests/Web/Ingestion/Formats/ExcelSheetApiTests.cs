using System.Net;
using System.Net.Http.Json;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Ingestion;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion.Formats;

/// <summary>The sheet of a workbook chosen with the upload API's <c>sheet</c> field, through the running app, Hangfire's server and the loader.</summary>
[Trait("Tier", "database")]
public sealed class ExcelSheetApiTests(AppFixture fixture) : IClassFixture<AppFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ri-sheets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> InvoicesAsync(string prefix) => await fixture.Database.ScalarAsync<string>(
        $"SELECT coalesce(string_agg(f.invoice || ':' || p.stock_code, ',' ORDER BY f.invoice, p.stock_code), '') " +
        $"FROM fact_sales f JOIN dim_product p USING (product_id) WHERE f.invoice LIKE '{prefix}%'");

    [Fact]
    public async Task PostSheetField_loadsThatSheet_andTheStatusNamesIt()
    {
        var client = await ApiClientAsync();
        var book = TwoSheetWorkbook.Write(_folder, "api2-");

        var post = await client.PostAsync("/api/uploads", Multipart(book, ("sheet", "July")));
        var accepted = (await post.Content.ReadFromJsonAsync<UploadApi.UploadAcceptedResponse>())!;
        var status = await WaitForFinishAsync(client, accepted.Id);

        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        Assert.Equal(("loaded", 2L, "July"), (status.Status, status.Accepted, status.Sheet));
        Assert.Equal(TwoSheetWorkbook.July("api2-"), await InvoicesAsync("api2-"));
    }

    [Fact]
    public async Task PostWithoutSheet_loadsTheFirstSheet()
    {
        var client = await ApiClientAsync();
        var book = TwoSheetWorkbook.Write(_folder, "api1-");

        var post = await client.PostAsync("/api/uploads", Multipart(book));
        var status = await WaitForFinishAsync(client, (await post.Content.ReadFromJsonAsync<UploadApi.UploadAcceptedResponse>())!.Id);

        Assert.Equal(("loaded", "June"), (status.Status, status.Sheet));
        Assert.Equal(TwoSheetWorkbook.June("api1-"), await InvoicesAsync("api1-"));
    }

    [Fact]
    public async Task PostUnknownSheet_is400NamingTheSheets_andKeepsNothing()
    {
        var client = await ApiClientAsync();
        var book = TwoSheetWorkbook.Write(_folder, "api3-", "api3-book.xlsx");

        var post = await client.PostAsync("/api/uploads", Multipart(book, ("sheet", "August")));
        var body = await post.Content.ReadFromJsonAsync<Dictionary<string, string>>();

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("sheet", body!["field"]);
        Assert.Contains("api3-book.xlsx has no sheet 'August'. Its sheets: 'June', 'July'.", body["error"]);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE file_name = 'api3-book.xlsx'"));
        Assert.Empty(Directory.Exists(fixture.App.StagingFolder) ? Directory.GetFiles(fixture.App.StagingFolder, "*api3-book*") : []);
        Assert.Equal("", await InvoicesAsync("api3-"));
    }

    private Task<HttpClient> ApiClientAsync() => SignedInClient.WithApiKeyAsync(fixture.App, "test client");

    private static MultipartFormDataContent Multipart(string path, params (string Name, string Value)[] fields) =>
        UploadApiRequests.Form(File.ReadAllBytes(path), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Path.GetFileName(path), fields);

    private static Task<UploadApi.UploadStatusResponse> WaitForFinishAsync(HttpClient client, long? id) =>
        UploadApiRequests.WaitForFinishAsync(client, id, TimeSpan.FromSeconds(90));
}
