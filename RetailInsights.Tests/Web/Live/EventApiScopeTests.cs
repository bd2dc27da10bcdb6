using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RetailInsights.Core.Ingestion;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;
using static RetailInsights.Tests.Support.LiveEvents;

namespace RetailInsights.Tests.Web.Live;

/// <summary>
/// The live event API under scoped keys, on the real app and database: a batch with one event outside the key's stores
/// or for another source is refused whole (403 naming the scope) and nothing of it is kept; a key limited to sources adds
/// no source; events older than Live:MaxEventAgeDays are refused as too_old and counted.
/// </summary>
[Trait("Tier", "database")]
public sealed class EventApiScopeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private Task<HttpClient> KeyAsync(string? sources = null, string? stores = null, params string[] purposes) =>
        SignedInClient.WithApiKeyAsync(fixture.App, "till", ApiKeyScope.Parse(purposes.Length == 0 ? [ApiKeyPurposes.Events] : purposes, sources, stores));

    private static JsonObject InStore(JsonObject sale, string store)
    {
        sale["store_id"] = store;
        return sale;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(HttpClient client, string kind, IEnumerable<JsonNode?> events,
        string source = "pos")
    {
        using var response = await client.PostAsJsonAsync($"/api/events/{kind}?source={source}", new JsonArray([.. events]));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private Task<long> FactsAsync(params string[] invoices) =>
        fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM fact_sales WHERE invoice IN ({string.Join(",", invoices.Select(i => $"'{i}'"))})");

    [Fact]
    public async Task AKeyScopedToOneStore_postingAnotherStoresEvent_gets403ForTheWholeBatch_andNothingIsKept()
    {
        var client = await KeyAsync(stores: "S01");
        var (mine, theirs) = (Unique("MINE"), Unique("THEIRS"));

        var (status, body) = await PostRawAsync(client, "transactions", [InStore(Sale(mine), "S01"), InStore(Sale(theirs), "S02")]);
        var refund = new JsonObject { ["refund_id"] = Unique("RF"), ["original_transaction_id"] = mine, ["product_id"] = "P1", ["store_id"] = "S02",
            ["refund_amount"] = 1, ["reason"] = "defective", ["timestamp"] = DateTime.UtcNow.ToString("O") };
        var (refundStatus, refundBody) = await PostRawAsync(client, "refunds", [refund]);
        var (ownStatus, ownBody) = await PostAsync(client, "transactions", [InStore(Sale(mine), "S01")]);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("This key may post events only for stores S01; S02 is outside its scope.", body.GetProperty("detail").GetString());
        Assert.Equal(["S01"], body.GetProperty("scope").GetProperty("stores").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, refundStatus);
        Assert.Contains("S02 is outside its scope", refundBody.GetProperty("error").GetString());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM refunds WHERE refund_code = '{refund["refund_id"]}'"));
        // Its own store's event was in the refused batch too: kept only when sent alone.
        Assert.Equal((200, 1), (ownStatus, ownBody.Accepted));
        Assert.Equal(1L, await FactsAsync(mine, theirs));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM live_events WHERE event_id = '{theirs}'"));
    }

    [Fact]
    public async Task AKeyScopedToOneStore_anEventWithoutAStore_isOutsideItsScope()
    {
        var client = await KeyAsync(stores: "S01");
        var sale = Sale(Unique("NOSTORE"));
        sale.Remove("store_id");

        var (status, body) = await PostRawAsync(client, "transactions", [sale]);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("an event without store_id is outside its scope", body.GetProperty("detail").GetString());
        Assert.Equal(0L, await FactsAsync(sale["transaction_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AKeyForUploadsOnly_postingEvents_gets403NamingItsPurpose()
    {
        var client = await KeyAsync(null, null, ApiKeyPurposes.Uploads);
        var id = Unique("UP");

        var (status, body) = await PostRawAsync(client, "transactions", [Sale(id)]);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("This key is for uploads only; it may not be used for events. An admin can widen its scope on the API keys page.",
            body.GetProperty("detail").GetString());
        Assert.Equal(0L, await FactsAsync(id));
    }

    [Fact]
    public async Task AKeyLimitedToSources_postsForThemOnly_andMayNotCreateANewSource()
    {
        var (known, unborn) = (Unique("known").ToLowerInvariant(), Unique("unborn").ToLowerInvariant());
        await fixture.Database.ExecuteAsync($"INSERT INTO dim_retailer (code, name) VALUES ('{known}', 'Known tills')");
        var client = await KeyAsync(sources: $"{known}, {unborn}");
        var ids = Enumerable.Range(0, 3).Select(i => Unique($"SRC{i}")).ToArray();

        var (otherStatus, other) = await PostRawAsync(client, "transactions", [Sale(ids[0])], source: "pos");
        var (newStatus, created) = await PostRawAsync(client, "transactions", [Sale(ids[1])], source: unborn);
        var (ownStatus, own) = await PostAsync(client, "transactions", [Sale(ids[2])], source: known);

        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
        Assert.Equal($"This key may post events only for sources {known}, {unborn}; pos is outside its scope.", other.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, newStatus);
        Assert.Contains($"There is no source {unborn} yet, and a key limited to sources may not create one", created.GetProperty("detail").GetString());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM dim_retailer WHERE code = '{unborn}'"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM uploads WHERE retailer_code = '{unborn}'"));
        Assert.Equal((200, 1), (ownStatus, own.Accepted));
        Assert.Equal(1L, await FactsAsync(ids));
    }

    [Fact]
    public async Task AKeyMadeWithoutAScope_postsForAnySourceAndStore_andCreatesTheSource_asBefore()
    {
        var client = await SignedInClient.WithApiKeyAsync(fixture.App, "old till");
        var source = Unique("fresh").ToLowerInvariant();
        var ids = new[] { Unique("ANY1"), Unique("ANY2") };

        var (status, body) = await PostAsync(client, "transactions", [InStore(Sale(ids[0]), "S07"), InStore(Sale(ids[1]), "S08")], source);

        Assert.Equal((200, 2), (status, body.Accepted));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM dim_retailer WHERE code = '{source}'"));
    }

    [Fact]
    public async Task EventsOlderThanMaxEventAgeDays_areRefusedAsTooOld_andCountedInTheAnswer()
    {
        var client = await ClientAsync(fixture.App);
        var (ancient, old, yesterday, now) = (Unique("OLD3"), Unique("OLD2"), Unique("DAY1"), Unique("NOW"));
        var refund = new JsonObject { ["refund_id"] = Unique("RFOLD"), ["original_transaction_id"] = "T-1", ["product_id"] = "P1", ["store_id"] = "S1",
            ["refund_amount"] = 1, ["reason"] = "defective", ["timestamp"] = DateTime.UtcNow.AddDays(-5).ToString("O") };

        var (status, body) = await PostAsync(client, "transactions", [
            Sale(ancient, minutesAgo: 3 * 24 * 60), Sale(yesterday, minutesAgo: 24 * 60), Sale(old, minutesAgo: 2 * 24 * 60 + 10), Sale(now)]);
        var (refundStatus, refundBody) = await PostAsync(client, "refunds", [refund]);

        Assert.Equal(207, status);
        Assert.Equal((4, 2, 2, 1), (body.Received, body.Accepted, body.TooOld, body.Late));
        Assert.Equal([0, 2], body.Rejected.Select(r => r.Index));
        Assert.All(body.Rejected, r => Assert.Equal([RejectReasons.TooOld], r.Reasons));
        Assert.Equal(RejectReasons.Describe(RejectReasons.TooOld), body.Rejected[0].Messages.Single());
        Assert.Equal(2L, await FactsAsync(yesterday, now));
        Assert.Equal(0L, await FactsAsync(ancient, old));
        Assert.Equal((207, 1, 0), (refundStatus, refundBody.TooOld, refundBody.Accepted));
    }
}
