using System.Net;
using System.Text.Json;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Tests.Web.Live;

/// <summary>The machine APIs are described by the OpenAPI document the app serves, to anyone.</summary>
[Trait("Tier", "database")]
public sealed class ApiDocumentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OpenApiDocument_describesTheUploadAndEventApis_andTheirKey()
    {
        var response = await SignedInClient.Anonymous(fixture.App).GetAsync(ApiDocuments.Path);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString());
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/events/refunds", "/api/events/transactions", "/api/uploads", "/api/uploads/{id}"], paths.Order());
        Assert.True(root.GetProperty("paths").GetProperty("/api/events/transactions").GetProperty("post").GetProperty("responses").TryGetProperty("207", out _));
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(),
            scheme.GetProperty("name").GetString()));
        Assert.True(root.GetProperty("components").GetProperty("schemas").TryGetProperty("EventsResponse", out _));
    }
}
