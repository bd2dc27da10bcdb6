using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Web.Admin.Security;

/// <summary>
/// Keys written without scopes have today's rights; each key has its own rate limit beside the
/// per-address one.
/// </summary>
[Trait("Tier", "database")]
public sealed class ApiKeyScopeTests
{
    private static JsonArray Sale(string id, string store) =>
    [
        new JsonObject
        {
            ["transaction_id"] = id, ["product_id"] = "P1", ["store_id"] = store, ["amount"] = 3,
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        },
    ];

    /// <summary>
    /// Keys from before scopes were given every purpose by the migration that added scopes; since the baseline no such
    /// database exists, and what stays is the column default: a row written without scopes may do both.
    /// </summary>
    [Fact]
    public async Task AKeyRowWrittenWithoutScopes_hasEveryPurposeAndNoLimit_andStillSendsFilesAndEvents()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        const string secret = "ri_0123456789abcdef0123456789abcdef0123456789abcdef";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        await database.ExecuteAsync($"""
            INSERT INTO api_keys (name, prefix, key_hash, created_by, created_at)
            VALUES ('old till', '{secret[..10]}', '{hash}', 'admin@old', now())
            """);

        await using var app = new AppFactory(database);
        var client = SignedInClient.Anonymous(app);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, secret);
        using var events = await client.PostAsJsonAsync("/api/events/transactions?source=old-pos", Sale("OLD-1", "ANY-STORE"));
        using var file = await client.PostAsync("/api/uploads", Ingestion.UploadApiRequests.Form(
            Encoding.UTF8.GetBytes("Invoice,StockCode,Quantity,InvoiceDate,Price,StoreId\nOLDF-1,P1,1,2025-07-01 10:00,2,S9\n"), "text/csv", "old.csv",
            ("retailer", "old-retailer")));

        await using var check = database.CreateDbContext();
        var key = await check.ApiKeys.SingleAsync(k => k.Name == "old till");
        Assert.Equal(ApiKeyPurposes.All, key.Purposes);
        Assert.Null(key.AllowedSources);
        Assert.Null(key.AllowedStores);
        Assert.True(ApiKeyScope.Of(key).IsFull);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, file.StatusCode);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM dim_retailer WHERE code = 'old-pos'"));
    }

    [Fact]
    public async Task AKeyPastItsOwnLimit_gets429_whileAnotherKeyFromTheSameAddressDoesNot_andEventsCountApart()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new AppFactory(database, ("RateLimits:ApiPerKeyPerMinute", "3"), ("RateLimits:EventsPerKeyPerMinute", "2"));
        var busy = await SignedInClient.WithApiKeyAsync(app, "busy");
        var quiet = await SignedInClient.WithApiKeyAsync(app, "quiet");

        var uploads = new List<HttpStatusCode>();
        for (var call = 0; call < 4; call++)
            uploads.Add((await busy.GetAsync("/api/uploads/1")).StatusCode);
        using var limited = await busy.GetAsync("/api/uploads/1");
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        using var other = await quiet.GetAsync("/api/uploads/1");
        var events = new List<HttpStatusCode>();
        for (var call = 0; call < 3; call++)
        {
            using var response = await busy.PostAsJsonAsync("/api/events/transactions?source=pos", Sale($"RL-{call}", "S1"));
            events.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], uploads);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.StartsWith("This key sent more than 3 requests a minute to the uploads API", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        // Events have their own window per key; the third of them is past it.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], events);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM live_events WHERE event_id LIKE 'RL-%'"));
    }
}
