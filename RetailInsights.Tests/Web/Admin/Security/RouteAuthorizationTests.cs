using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Admin.Security;

/// <summary>
/// Every route the app maps, and who may open it. A new page or endpoint that is not in this table fails
/// <see cref="EveryMappedRoute_isInTheTable"/>, so nothing ships without a decision about who may see it.
/// </summary>
[Trait("Tier", "database")]
public sealed class RouteAuthorizationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    // LineData: line-level sales data (the mined baskets), for managers and admins; Marketing's exports are aggregates.
    private enum Access { Anyone, SignedIn, Dashboards, LineData, Uploads, Admin, ApiKey }

    private static readonly Dictionary<string, (string Path, Access Access)> Routes = new()
    {
        ["/"] = ("/", Access.Dashboards),
        ["/baskets"] = ("/baskets", Access.Dashboards),
        ["/segments"] = ("/segments", Access.Dashboards),
        ["/customers/{Code}"] = ("/customers/12345", Access.Dashboards),
        ["/refunds"] = ("/refunds", Access.Dashboards),
        ["/stores"] = ("/stores", Access.Dashboards),
        ["/live"] = ("/live", Access.Dashboards),
        ["/uploads"] = ("/uploads", Access.Uploads),
        ["/quality"] = ("/quality", Access.Uploads),
        ["/admin/users"] = ("/admin/users", Access.Admin),
        ["/admin/api-keys"] = ("/admin/api-keys", Access.Admin),
        ["/admin/sources"] = ("/admin/sources", Access.Admin),
        ["/admin/audit"] = ("/admin/audit", Access.Admin),
        ["/hangfire/{**path}"] = ("/hangfire", Access.Admin),
        ["/account/login"] = ("/account/login", Access.Anyone),
        ["/account/access-denied"] = ("/account/access-denied", Access.Anyone),
        ["/account/logout"] = ("/account/logout", Access.SignedIn),
        ["/account/password"] = ("/account/password", Access.SignedIn),
        ["/error"] = ("/error", Access.Anyone),
        ["/not-found"] = ("/not-found", Access.SignedIn),
        ["/healthz"] = ("/healthz", Access.Anyone),
        ["/uploads/{UploadId:long}"] = ("/uploads/1", Access.Uploads),
        ["/uploads/{id:long}/rejected.csv"] = ("/uploads/1/rejected.csv", Access.Uploads),
        ["/uploads/{id:long}/file"] = ("/uploads/1/file", Access.Admin),
        ["/exports/rules.csv"] = ("/exports/rules.csv", Access.Dashboards),
        ["/exports/segments.csv"] = ("/exports/segments.csv", Access.Dashboards),
        ["/exports/baskets.csv"] = ("/exports/baskets.csv", Access.LineData),
        ["/api/uploads/{id:long}"] = ("/api/uploads/1", Access.ApiKey),
        ["/api/uploads/"] = ("/api/uploads/", Access.ApiKey),
        ["/api/events/transactions"] = ("/api/events/transactions", Access.ApiKey),
        ["/api/events/refunds"] = ("/api/events/refunds", Access.ApiKey),
        ["/openapi/v1.json"] = ("/openapi/v1.json", Access.Anyone),
    };

    private static readonly Dictionary<string, Access[]> Grants = new()
    {
        [Roles.Marketing] = [Access.Anyone, Access.SignedIn, Access.Dashboards],
        [Roles.Manager] = [Access.Anyone, Access.SignedIn, Access.Dashboards, Access.LineData, Access.Uploads],
        [Roles.Admin] = [Access.Anyone, Access.SignedIn, Access.Dashboards, Access.LineData, Access.Uploads, Access.Admin],
    };

    [Fact]
    public void EveryMappedRoute_isInTheTable()
    {
        var mapped = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(IsAppRoute)
            .ToHashSet();

        Assert.Equal(Routes.Keys.Order(), mapped.Order());
    }

    [Fact]
    public async Task Anonymous_isSentToSignInEverywhereButTheSignInPages()
    {
        var client = SignedInClient.Anonymous(fixture.App);
        var failures = new List<string>();
        foreach (var (pattern, (path, access)) in Routes)
        {
            var response = await SendAsync(client, pattern, path);
            var expectation = access switch
            {
                Access.Anyone => response.StatusCode == HttpStatusCode.OK,
                Access.ApiKey => response.StatusCode == HttpStatusCode.Unauthorized,
                _ => IsRedirectTo(response, SecurityRegistration.SignInPath),
            };
            if (!expectation)
                failures.Add($"{pattern}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(Roles.Marketing)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task EachRole_opensWhatItsRoleAllowsAndIsDeniedTheRest(string role)
    {
        var client = await SignedInClient.ForRoleAsync(fixture.App, role);
        var failures = new List<string>();
        // Signing out would end the session the rest of the table is checked with.
        foreach (var (pattern, (path, access)) in Routes.Where(r => r.Key != "/account/logout"))
        {
            var response = await SendAsync(client, pattern, path);
            var ok = access == Access.ApiKey
                ? response.StatusCode == HttpStatusCode.Unauthorized // people's cookies never open the machine API
                : Grants[role].Contains(access)
                    ? response.StatusCode == HttpStatusCode.OK || IsMissingResource(path, response)
                    : IsRedirectTo(response, SecurityRegistration.AccessDeniedPath);
            if (!ok)
                failures.Add($"{role} {pattern}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task UploadApi_withActiveKey_answersAndAfterRevocationRefuses()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var (key, secret) = await keys.CreateAsync("till system", "test", CancellationToken.None);
        var client = SignedInClient.Anonymous(fixture.App);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, secret);

        var before = await client.GetAsync("/api/uploads/999999");
        await keys.RevokeAsync(key.ApiKeyId, "test", CancellationToken.None);
        var after = await client.GetAsync("/api/uploads/999999");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task UploadApi_withUnknownKey_isRefused()
    {
        var client = SignedInClient.Anonymous(fixture.App);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, "ri_not-a-real-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/uploads/1")).StatusCode);
    }

    // Blazor's own endpoints (/_blazor, /_framework) and the static-file fallback are not app routes.
    private static bool IsAppRoute(string pattern) =>
        !pattern.StartsWith("/_", StringComparison.Ordinal) && !pattern.Contains(":file}", StringComparison.Ordinal);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string pattern, string path) =>
        pattern is "/account/logout" or "/api/uploads/" or "/api/events/transactions" or "/api/events/refunds"
            ? client.PostAsync(path, new FormUrlEncodedContent([]))
            : client.GetAsync(path);

    // Upload #1 and analytics runs do not exist in this database: past authorization, the answer is "not found".
    private static bool IsMissingResource(string path, HttpResponseMessage response) =>
        (path.StartsWith("/uploads/1", StringComparison.Ordinal) || path.StartsWith("/exports/", StringComparison.Ordinal))
        && response.StatusCode == HttpStatusCode.NotFound;

    private static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]) == path;
}
