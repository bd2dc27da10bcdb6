using RetailInsights.Core.Ingestion.Pulls;

namespace RetailInsights.Tests.Core.Ingestion.Pulls;

[Trait("Tier", "unit")]
public sealed class ApiPagingTests
{
    private static readonly Uri Base = new("https://api.shop.example/v1/sales?status=paid");

    [Fact]
    public void First_keepsTheBaseUrlsQuery_andAddsTheCursorEscaped_thePageAndItsSize()
    {
        Assert.Equal("https://api.shop.example/v1/sales?status=paid&modified_after=2025-07-01T10%3A00%3A00%2B02%3A00&page=1&per_page=50",
            ApiPaging.First(Base, ApiPaging.Pages, "modified_after", "2025-07-01T10:00:00+02:00", 50).AbsoluteUri);
        Assert.Equal("https://api.shop.example/v1/sales?status=paid&page=3&per_page=50", ApiPaging.Page(Base, "since", null, 3, 50).AbsoluteUri);
        Assert.Equal("https://api.shop.example/v1/sales?status=paid&since=41&limit=20", ApiPaging.First(Base, ApiPaging.NextLink, "since", "41", 20).AbsoluteUri);
    }

    [Fact]
    public void Next_resolvesARelativeLink_againstThePageItCameOn()
    {
        var page = new Uri("https://api.shop.example/v1/sales?since=41&limit=20");

        Assert.Equal("https://api.shop.example/v1/sales?cursor=abc", ApiPaging.Next(page, Base, "sales?cursor=abc").AbsoluteUri);
        Assert.Equal("https://api.shop.example/v2/x", ApiPaging.Next(page, Base, "https://API.shop.example/v2/x").AbsoluteUri);
    }

    [Theory]
    [InlineData("https://elsewhere.example/v1/sales?cursor=abc", "not https://api.shop.example")]
    [InlineData("http://api.shop.example/v1/sales", "not https://api.shop.example")]
    [InlineData("https://api.shop.example:8443/v1/sales", "not https://api.shop.example")]
    [InlineData("ftp://api.shop.example/x", "is not an http(s) address")]
    public void Next_toAnotherOrigin_isRefused_soTheCredentialsStayWithTheEndpoint(string link, string message) =>
        Assert.Contains(message, Assert.Throws<ApiPageException>(() => ApiPaging.Next(Base, Base, link)).Message);

    [Theory]
    [InlineData("<https://a.example/p?page=2>; rel=\"next\", <https://a.example/p?page=9>; rel=\"last\"", "https://a.example/p?page=2")]
    [InlineData("<https://a.example/p?page=1>; rel=\"prev\", <https://a.example/p?page=3>; rel=next", "https://a.example/p?page=3")]
    [InlineData("<https://a.example/p?page=1>; rel=\"prev\"", null)]
    public void NextFromLinkHeader_findsRelNext(string header, string? expected) =>
        Assert.Equal(expected, ApiPaging.NextFromLinkHeader([header]));
}
