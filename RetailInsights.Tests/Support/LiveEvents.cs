using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RetailInsights.Web.Live;

namespace RetailInsights.Tests.Support;

/// <summary>Live events as a point-of-sale system posts them: a machine client with an API key, and sale events of one line.</summary>
public static class LiveEvents
{
    public static Task<HttpClient> ClientAsync(AppFactory app) => SignedInClient.WithApiKeyAsync(app, "pos");

    public static async Task<(int Status, EventApi.EventsResponse Body)> PostAsync(HttpClient client, string kind, IEnumerable<JsonNode?> events,
        string source = "pos")
    {
        using var response = await client.PostAsJsonAsync($"/api/events/{kind}?source={source}", new JsonArray([.. events]));
        return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<EventApi.EventsResponse>())!);
    }

    /// <summary>A sale event of one line, now (or <paramref name="minutesAgo"/> before), in store S1.</summary>
    public static JsonObject Sale(string id, decimal amount = 12.5m, string product = "P1", int minutesAgo = 0, string? invoice = null,
        string? customer = "K1") => new()
    {
        ["transaction_id"] = id,
        ["invoice"] = invoice,
        ["product_id"] = product,
        ["store_id"] = "S1",
        ["customer_id"] = customer,
        ["amount"] = amount,
        ["timestamp"] = DateTime.UtcNow.AddMinutes(-minutesAgo).ToString("yyyy-MM-ddTHH:mm:ssZ"),
    };
}
