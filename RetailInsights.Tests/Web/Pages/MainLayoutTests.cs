using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using RetailInsights.Web.Components.Layout;

namespace RetailInsights.Tests.Web.Pages;

public sealed class MainLayoutTests : BunitContext, IAsyncLifetime
{
    public MainLayoutTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are async-disposable only: dispose through the async path (see STACK-NOTES).
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void MainLayout_rendersDrawerWithEveryFeatureAndTheBody()
    {
        RenderFragment body = builder => builder.AddMarkupContent(0, "<p id=\"page-body\">hello</p>");

        var layout = Render<MainLayout>(parameters => parameters.Add(l => l.Body, body));

        var links = layout.FindAll("nav a, .mud-nav-link").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        Assert.Equal(["Overview", "Baskets", "Segments", "Refunds", "Stores", "Uploads", "Data quality"], links);
        Assert.Equal("hello", layout.Find("#page-body").TextContent);
        Assert.Contains("RetailInsights", layout.Find("header").TextContent);
    }

    [Fact]
    public void MainLayout_menuButton_togglesTheDrawer()
    {
        var layout = Render<MainLayout>(parameters => parameters.Add(l => l.Body, (RenderFragment)(_ => { })));
        bool DrawerOpen() => layout.Find(".mud-drawer").ClassList.Contains("mud-drawer--open");

        var before = DrawerOpen();
        layout.Find("header button").Click();

        Assert.NotEqual(before, DrawerOpen());
    }
}
