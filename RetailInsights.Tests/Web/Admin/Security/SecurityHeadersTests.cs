using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Admin.Security;

[Trait("Tier", "database")]
public sealed class SecurityHeadersTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task Pages_allowOnlyTheirOwnOrigin_andNoEval(string path)
    {
        var client = await SignedInClient.ForRoleAsync(fixture.App, Roles.Admin);

        var policy = (await client.GetAsync(path)).Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("ws:", policy);
    }

    [Fact]
    public async Task JobsDashboard_keepsItsOwnInlineScripts_withoutOurPolicy()
    {
        var client = await SignedInClient.ForRoleAsync(fixture.App, Roles.Admin);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
