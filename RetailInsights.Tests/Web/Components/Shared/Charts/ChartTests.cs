using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using RetailInsights.Web.Components.Shared.Charts;

namespace RetailInsights.Tests.Web.Components.Shared.Charts;

/// <summary>
/// How a drawn chart follows what changes, told by the calls it makes to plotly.js: new traces are drawn in place
/// (react), a new theme alone is laid out again (relayout), and nothing new draws nothing.
/// </summary>
[Trait("Tier", "unit")]
public sealed class ChartTests : BunitContext, IAsyncLifetime
{
    public ChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static IList<ITrace> Bars(params int[] values) => [new Bar { X = values.Select((_, i) => (object)i).ToList(), Y = values.Cast<object>().ToList() }];

    private IRenderedComponent<CascadingValue<ChartTheme>> Draw(ChartTheme theme, IList<ITrace> traces) =>
        Render<CascadingValue<ChartTheme>>(parameters => parameters.Add(c => c.Value, theme)
            .AddChildContent<Chart>(chart => chart.Add(c => c.Id, "test-chart").Add(c => c.Traces, traces)));

    private int Calls(string identifier) => JSInterop.Invocations.Count(i => i.Identifier == identifier);

    private static void Render(IRenderedComponent<CascadingValue<ChartTheme>> host, ChartTheme theme, IList<ITrace> traces) =>
        host.Render(parameters => parameters.Add(c => c.Value, theme)
            .AddChildContent<Chart>(chart => chart.Add(c => c.Id, "test-chart").Add(c => c.Traces, traces)));

    [Fact]
    public void ThemeChanged_afterTheFirstDraw_laysTheChartOutAgain_withoutRedrawingItsTraces()
    {
        var traces = Bars(1, 2);
        var host = Draw(ChartTheme.Light, traces);
        host.WaitForAssertion(() => Assert.Equal(1, Calls("newPlot")));

        Render(host, ChartTheme.Dark, traces);

        host.WaitForAssertion(() => Assert.Equal(1, Calls("relayout")));
        Assert.Equal(0, Calls("react"));
        var layout = host.FindComponent<PlotlyChart>().Instance.Layout;
        Assert.Equal(ChartTheme.Dark.Paper, layout.PaperBgColor);
        Assert.Equal(ChartTheme.Dark.Grid, layout.XAxis[0].GridColor);
    }

    [Fact]
    public void TracesChanged_drawsThemInPlace_andTheSameTracesAgainDrawNothing()
    {
        var host = Draw(ChartTheme.Light, Bars(1, 2));
        host.WaitForAssertion(() => Assert.Equal(1, Calls("newPlot")));
        var newer = Bars(3, 4);

        Render(host, ChartTheme.Light, newer);
        host.WaitForAssertion(() => Assert.Equal(1, Calls("react")));
        Render(host, ChartTheme.Light, newer);

        Assert.Equal(1, Calls("react"));
        Assert.Equal(0, Calls("relayout"));
        Assert.Equal(1, Calls("newPlot"));
    }

    [Fact]
    public void ThemeAndTracesChangedTogether_makeOneReact_whichDrawsTheNewLayoutToo()
    {
        var host = Draw(ChartTheme.Light, Bars(1));
        host.WaitForAssertion(() => Assert.Equal(1, Calls("newPlot")));

        Render(host, ChartTheme.Dark, Bars(5));

        host.WaitForAssertion(() => Assert.Equal(1, Calls("react")));
        Assert.Equal(0, Calls("relayout"));
    }
}
