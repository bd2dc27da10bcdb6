using Bunit;
using MudBlazor.Services;
using RetailInsights.Web.Components.Shared;

namespace RetailInsights.Tests.Web.Components.Shared;

/// <summary>A card shows its query's state: loading, its figures, its empty state, or its message when the query failed.</summary>
[Trait("Tier", "unit")]
public sealed class DashboardCardTests : BunitContext, IAsyncLifetime
{
    public Task InitializeAsync()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private IRenderedComponent<DashboardCard> Render(CardData<int[]> state) => Render<DashboardCard>(card => card
        .Add(c => c.State, state)
        .Add(c => c.Id, "figures")
        .Add(c => c.EmptyText, "no data yet — upload a file")
        .AddChildContent("<span class=\"figures\">42</span>"));

    [Fact]
    public void Loading_showsAProgressBar_andNoFigures()
    {
        var card = Render(new CardData<int[]>());

        Assert.Equal("loading", card.Find("[data-card]").GetAttribute("data-state"));
        Assert.NotEmpty(card.FindAll(".mud-progress-linear"));
        Assert.Empty(card.FindAll(".figures"));
    }

    [Fact]
    public void Loaded_showsTheFigures()
    {
        var state = new CardData<int[]>(v => v.Length == 0);
        state.Show([42]);

        var card = Render(state);

        Assert.Equal("ready", card.Find("[data-card]").GetAttribute("data-state"));
        Assert.Equal("42", card.Find(".figures").TextContent);
    }

    [Fact]
    public void LoadedWithNothing_showsTheEmptyState()
    {
        var state = new CardData<int[]>(v => v.Length == 0);
        state.Show([]);

        var card = Render(state);

        Assert.Equal("no data yet — upload a file", card.Find(".card-empty").TextContent);
        Assert.Empty(card.FindAll(".figures"));
    }

    [Fact]
    public void Failed_showsItsMessageOnTheCard()
    {
        var state = new CardData<int[]>();
        state.Fail("This took longer than 10 s and was stopped.");

        var card = Render(state);

        Assert.Equal("failed", card.Find("[data-card]").GetAttribute("data-state"));
        Assert.Contains("longer than 10 s", card.Find(".card-error").TextContent);
        Assert.Empty(card.FindAll(".figures"));
    }
}
