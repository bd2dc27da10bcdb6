using System.Net;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Components.Layout;

namespace RetailInsights.Tests.Web.Pages;

/// <summary>The real app in process, over HTTP, on a migrated database of the test's own.</summary>
public sealed class PageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _app = new AppFactory(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task HomePage_emptyDatabase_answers200WithOverview()
    {
        var response = await _app.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Overview", html);
        Assert.Contains("No sales loaded yet", html);
    }

    [Fact]
    public async Task EveryNavigationPage_answers200WithItsTitle()
    {
        var client = _app.CreateClient();
        foreach (var item in NavigationItems.All)
        {
            var response = await client.GetAsync("/" + item.Href);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/{item.Href} answered {response.StatusCode}");
            Assert.Contains($"<title>", html);
            Assert.Contains(item.Title, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task UnknownPage_answers404()
    {
        var response = await _app.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
