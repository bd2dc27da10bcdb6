using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RetailInsights.Core.Ingestion;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>
/// The upload API under scoped keys, through the running app, its jobs and the loader: a key limited to stores names one
/// of them and its file's lines of other stores are rejected; outside the scope is a 403 before a byte is kept; the
/// answer to content already loaded names another key's upload to no key.
/// </summary>
[Trait("Tier", "database")]
public sealed class UploadApiScopeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";

    private Task<HttpClient> KeyAsync(string? sources = null, string? stores = null, params string[] purposes) =>
        SignedInClient.WithApiKeyAsync(fixture.App, "store system", ApiKeyScope.Parse(purposes.Length == 0 ? [ApiKeyPurposes.Uploads] : purposes, sources, stores));

    private static string Lines(string prefix, string store, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix}{i},P{i},P,1,2025-07-05 10:00,2.5,1,Indonesia,{store}\n"));

    private static MultipartFormDataContent Form(string csv, string fileName, params (string Name, string Value)[] fields) =>
        UploadApiRequests.Form(Encoding.UTF8.GetBytes(csv), "text/csv", fileName, fields);

    private Task<long> UploadsNamedAsync(string fileName) =>
        fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM uploads WHERE file_name = '{fileName}'");

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, MultipartFormDataContent form)
    {
        using var response = await client.PostAsync("/api/uploads", form);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task AKeyScopedToOneStore_sendingAnotherStoresFile_orNamingNoStore_gets403_andNothingIsKept()
    {
        var client = await KeyAsync(stores: "S01");
        var csv = Header + Lines("OS", "S02", 3);

        var (other, otherBody) = await SendAsync(client, Form(csv, "other-store.csv", ("store", "S02")));
        var (unnamed, unnamedBody) = await SendAsync(client, Form(csv, "no-store.csv"));

        Assert.Equal(HttpStatusCode.Forbidden, other);
        Assert.Equal("This key may send files only for stores S01; S02 is outside its scope.", otherBody.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, unnamed);
        Assert.Equal("This key may send files only for stores S01: name one of them in the field store.", unnamedBody.GetProperty("detail").GetString());
        Assert.Equal((0L, 0L), (await UploadsNamedAsync("other-store.csv"), await UploadsNamedAsync("no-store.csv")));
        Assert.Empty(Directory.Exists(fixture.App.StagingFolder) ? Directory.GetFiles(fixture.App.StagingFolder, "*-store.csv") : []);
    }

    [Fact]
    public async Task AKeyScopedToOneStore_namingItsStore_loadsItsLines_andRejectsTheLinesOfOtherStores()
    {
        var client = await KeyAsync(stores: "S01, S03");
        var csv = Header + Lines("MS", "S01", 4) + Lines("XS", "S02", 1) + "NS1,P1,P,1,2025-07-05 10:00,2.5,1,Indonesia,\n";

        using var post = await client.PostAsync("/api/uploads", Form(csv, "own-store.csv", ("store", "S01")));
        var accepted = (await post.Content.ReadFromJsonAsync<UploadApi.UploadAcceptedResponse>())!;
        var status = await UploadApiRequests.WaitForFinishAsync(client, accepted.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        // The line without a store takes the one the form named.
        Assert.Equal(("loaded", 6L, 5L, 1L), (status.Status, status.Rows, status.Accepted, status.Rejected));
        Assert.Equal(RejectReasons.StoreOutOfScope, await fixture.Database.ScalarAsync<string>(
            $"SELECT array_to_string(reason_codes, ',') FROM rejected_rows WHERE upload_id = {accepted.Id}"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales WHERE invoice = 'XS1'"));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM fact_sales f JOIN dim_store s USING (store_id) WHERE f.invoice = 'NS1' AND s.store_code = 'S01'"));
    }

    [Fact]
    public async Task AKeyScopedToStores_mayNotSendAProductCatalog_namedOrDetected()
    {
        var client = await KeyAsync(stores: "S01");
        var catalog = "StockCode,Description,Category,BasePrice\nCAT-1,Soap,Household,2.5\n";

        var (named, namedBody) = await SendAsync(client, Form(catalog, "catalog-named.csv", ("store", "S01"), ("kind", "product_catalog")));
        using var post = await client.PostAsync("/api/uploads", Form(catalog, "catalog-detected.csv", ("store", "S01")));
        var detected = await UploadApiRequests.WaitForFinishAsync(client,
            (await post.Content.ReadFromJsonAsync<UploadApi.UploadAcceptedResponse>())!.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.Forbidden, named);
        Assert.Contains("a product catalog is the whole chain's", namedBody.GetProperty("detail").GetString());
        Assert.Equal("refused", detected.Status);
        Assert.Contains("may send files only for stores S01", detected.Error);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM dim_product WHERE stock_code = 'CAT-1' AND category IS NOT NULL"));
    }

    [Fact]
    public async Task AKeyLimitedToASource_sendsOnlyForIt_andAKeyForEventsMayNotUpload()
    {
        var client = await KeyAsync(sources: "franchise-x");
        var eventsOnly = await KeyAsync(null, null, ApiKeyPurposes.Events);
        var csv = Header + Lines("SRC", "S01", 2);

        var (other, otherBody) = await SendAsync(client, Form(csv, "other-source.csv", ("retailer", "pos")));
        var (unnamed, unnamedBody) = await SendAsync(client, Form(csv, "default-source.csv"));
        var (unborn, unbornBody) = await SendAsync(client, Form(csv, "unborn-source.csv", ("retailer", "franchise-x")));
        var (purpose, purposeBody) = await SendAsync(eventsOnly, Form(csv, "events-key.csv"));
        using var status = await eventsOnly.GetAsync("/api/uploads/1");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (other, unnamed, unborn));
        Assert.Equal("This key may send files only for sources franchise-x; pos is outside its scope.", otherBody.GetProperty("detail").GetString());
        Assert.Contains("default is outside its scope", unnamedBody.GetProperty("detail").GetString());
        Assert.Contains("There is no source franchise-x yet, and a key limited to sources may not create one", unbornBody.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, purpose);
        Assert.Contains("This key is for events only; it may not be used for uploads.", purposeBody.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM uploads WHERE file_name IN ('other-source.csv', 'default-source.csv', 'unborn-source.csv', 'events-key.csv')"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM dim_retailer WHERE code = 'franchise-x'"));
    }

    [Fact]
    public async Task ContentAlreadyLoaded_isNamedToTheKeyThatSentIt_butNotToAnotherKey()
    {
        var sender = await SignedInClient.WithApiKeyAsync(fixture.App, "sender");
        var stranger = await SignedInClient.WithApiKeyAsync(fixture.App, "stranger");
        var csv = Header + Lines("DUP", "S01", 3);
        using var first = await sender.PostAsync("/api/uploads", Form(csv, "secret-name.csv"));
        var id = (await first.Content.ReadFromJsonAsync<UploadApi.UploadAcceptedResponse>())!.Id;
        await UploadApiRequests.WaitForFinishAsync(sender, id, TimeSpan.FromSeconds(60));

        using var again = await sender.PostAsync("/api/uploads", Form(csv, "again.csv"));
        var (otherStatus, other) = await SendAsync(stranger, Form(csv, "copy.csv"));
        var own = (await again.Content.ReadFromJsonAsync<UploadApi.UploadAcceptedResponse>())!;

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(("already_loaded", id), (own.Status, own.Id));
        Assert.Contains($"as upload #{id} (secret-name.csv)", own.Message);
        Assert.Equal(HttpStatusCode.OK, otherStatus);
        Assert.Equal("already_loaded", other.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("location").ValueKind);
        Assert.Equal("This content was already loaded; nothing was changed.", other.GetProperty("message").GetString());
        Assert.DoesNotContain("secret-name", other.GetRawText());
        Assert.DoesNotContain($"#{id}", other.GetRawText());
    }
}
