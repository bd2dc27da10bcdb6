using Bunit;
using RetailInsights.Tests.Web.Components;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using RetailInsights.Web.Dashboards.Filters;

namespace RetailInsights.Tests.Web.Dashboards.Filters;

/// <summary>The filter bar writes each change into the page's URL, so the view a person sets up is a link they can share.</summary>
[Trait("Tier", "unit")]
public sealed class FilterBarTests : BunitContext, IAsyncLifetime
{
    private static readonly FilterChoices Choices = new(
        [new StoreChoice("BDG-01", "Bandung", "Bandung", "West Java"), new StoreChoice("JKT-01", "Jakarta", "Jakarta", "Jakarta")],
        ["Jakarta", "West Java"], ["", "Snacks"], ["default"]);

    public Task InitializeAsync()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private (IRenderedComponent<FilterBar> Bar, NavigationManager Navigation) Render(string query)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/refunds" + query);
        var filter = DashboardFilter.Parse(query, new DateOnly(2026, 11, 30));
        return (Render<FilterBar>(bar => bar.Add(b => b.Filter, filter).Add(b => b.Choices, Choices)), navigation);
    }

    [Fact]
    public async Task QuickRange_setsTheRangeInTheUrl_keepingTheRestOfTheFilter()
    {
        var (bar, navigation) = Render("?from=2026-11-01&to=2026-11-30&store=JKT-01");

        await bar.ClickNowAsync("[data-days='7']");

        Assert.Equal("http://localhost/refunds?from=2026-11-24&to=2026-11-30&store=JKT-01", navigation.Uri);
    }

    [Fact]
    public async Task Reset_dropsStoresRegionCategoryAndSource_keepingTheDays()
    {
        var (bar, navigation) = Render("?from=2026-11-01&to=2026-11-30&store=JKT-01&category=Snacks&source=default");

        await bar.ClickNowAsync("#filter-reset");

        Assert.Equal("http://localhost/refunds?from=2026-11-01&to=2026-11-30", navigation.Uri);
    }

    [Fact]
    public async Task Reset_dropsAProductToo()
    {
        var (bar, navigation) = Render("?from=2026-11-01&to=2026-11-30&product=BEV-001");

        await bar.ClickNowAsync("#filter-reset");

        Assert.Equal("http://localhost/refunds?from=2026-11-01&to=2026-11-30", navigation.Uri);
    }

    [Fact]
    public void ComparedPeriod_isShown()
    {
        var (bar, _) = Render("?from=2026-11-21&to=2026-11-30");

        Assert.Equal("compared with 2026-11-11 – 2026-11-20", bar.Find("#filter-compared").TextContent.Trim());
    }
}
