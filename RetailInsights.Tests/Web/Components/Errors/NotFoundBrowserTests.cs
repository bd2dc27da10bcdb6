using Microsoft.Playwright;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Components.Errors;

/// <summary>The not-found page as Chromium gets it: status 404, the page in the app's frame with its menu.</summary>
[Trait("Tier", "browser")]
[Collection(BrowserCollection.Name)]
public sealed class NotFoundBrowserTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task UnknownAddress_signedIn_showsNothingHereInTheAppsFrame()
    {
        var passwords = await DemoUsers.CreateAsync(fixture.Database);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await DemoUsers.SignInAsync(page, fixture.BaseUrl, DemoUsers.Marketing, passwords[DemoUsers.Marketing]);

        var response = await page.GotoAsync(fixture.BaseUrl + "/no-such-page", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-nav-link') !== null");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByText("Nothing here")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#signed-in-user")).ToHaveTextAsync(DemoUsers.Marketing);
    }
}
