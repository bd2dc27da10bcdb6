using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Data;
using RetailInsights.Web.Warehouse;
using RetailInsights.Web.Security;
using RetailInsights.Web.Components.Layout;

namespace RetailInsights.Tests.Web.Components.Layout;

[Trait("Tier", "database")]
public sealed class MainLayoutTests : BunitContext, IAsyncLifetime
{
    public MainLayoutTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private TestDatabase _database = null!;

    // The layout reads the user's look and the latest upload (the managers' banner) from a real, empty database.
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        Services.AddSingleton(_database.DataSource);
        Services.AddSingleton<IDbContextFactory<RetailInsightsDbContext>>(new DbContextFactoryForTests(_database));
        Services.AddSingleton(new DataChanges(_database.DataSource, NullLogger<DataChanges>.Instance));
        Services.AddLogging();
        Services.AddLayout();
    }

    // MudBlazor's services are async-disposable only: a synchronous dispose of the container throws.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void MainLayout_forAnAdmin_showsEveryFeatureAndTheBody()
    {
        SignIn("admin@test.local", Policies.ViewDashboards, Policies.ManageUploads, Policies.Administer);
        RenderFragment body = builder => builder.AddMarkupContent(0, "<p id=\"page-body\">hello</p>");

        var layout = Render<MainLayout>(parameters => parameters.Add(l => l.Body, body));

        Assert.Equal(NavigationItems.All.Select(i => i.Title), NavLinks(layout));
        Assert.Equal("hello", layout.Find("#page-body").TextContent);
        Assert.Contains("admin@test.local", layout.Find("header").TextContent);
    }

    [Fact]
    public void MainLayout_forMarketing_showsOnlyTheDashboards()
    {
        SignIn("marketing@test.local", Policies.ViewDashboards);

        var layout = Render<MainLayout>(parameters => parameters.Add(l => l.Body, (RenderFragment)(_ => { })));

        Assert.Equal(["Overview", "Live", "Baskets", "Segments", "Refunds", "Stores"], NavLinks(layout));
    }

    [Fact]
    public async Task MainLayout_menuButton_togglesTheDrawer()
    {
        SignIn("manager@test.local", Policies.ViewDashboards, Policies.ManageUploads);
        var layout = Render<MainLayout>(parameters => parameters.Add(l => l.Body, (RenderFragment)(_ => { })));
        bool DrawerOpen() => layout.Find(".mud-drawer").ClassList.Contains("mud-drawer--open");

        var before = DrawerOpen();
        await layout.ClickNowAsync("header button[aria-label='Toggle navigation']");

        Assert.NotEqual(before, DrawerOpen());
    }

    private void SignIn(string name, params string[] policies)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(name);
        authorization.SetPolicies(policies);
    }

    private static List<string> NavLinks(IRenderedComponent<MainLayout> layout) =>
        layout.FindAll(".mud-nav-link").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}
