using Bunit;
using MudBlazor.Services;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using RetailInsights.Web.Components.Shared.Charts;
using RetailInsights.Web.Dashboards.Overview;
using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Components.Shared.Charts;

/// <summary>
/// Names from the data reach Plotly, which draws <c>&lt;a href&gt;</c> in labels and hover text, as text: the traces a
/// chart hands to plotly.js hold them encoded.
/// </summary>
[Trait("Tier", "unit")]
public sealed class ChartTextTests : BunitContext, IAsyncLifetime
{
    private const string Hostile = "<a href=\"javascript:alert(1)\">x</a>";
    private const string Escaped = "&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;";

    public ChartTextTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void StoreBars_aStoreAndRegionNamedWithALink_areEscapedInTheTraceAndTheAxisOrder()
    {
        var store = new StoreSummary(new StoreProfile("S1", Hostile, "City", Hostile, 100), new StorePeriod(10, 0, 1), StorePeriod.Zero);
        var host = Render<StoreBars>(p => p.Add(c => c.Id, "bars").Add(c => c.Stores, [store])
            .Add(c => c.Value, s => s.Current.Net).Add(c => c.Colors, new Dictionary<string, string>()));

        var plot = host.FindComponent<PlotlyChart>().Instance;
        var bar = Assert.IsType<Bar>(Assert.Single(plot.Data));
        Assert.Equal(Escaped, Assert.Single(bar.Y));
        Assert.Equal(Escaped, bar.Name);
        Assert.Equal(Escaped, Assert.Single(plot.Layout.YAxis[0].CategoryArray));
        Assert.DoesNotContain("<a", System.Text.Json.JsonSerializer.Serialize(plot.Data.Cast<object>()));
    }

    [Fact]
    public void CategoryChart_aCategoryNamedWithALink_isEscapedInTheLegend_andTheSameTracesDrawnAgainAreNotEncodedTwice()
    {
        var days = new List<CategoryDay> { new(new DateOnly(2025, 7, 1), Hostile, 12m) };
        var host = Render<CategoryRevenueChart>(p => p.Add(c => c.Days, days));
        host.Render();

        var bar = Assert.IsType<Bar>(Assert.Single(host.FindComponent<PlotlyChart>().Instance.Data));
        Assert.Equal(Escaped, bar.Name);
        Assert.Equal(new DateTime(2025, 7, 1), Assert.Single(bar.X));
        Assert.Equal(12m, Assert.Single(bar.Y));
    }

    [Fact]
    public void HoverText_keepsOurLineBreaksAndBold_butNotTheDatasTags()
    {
        var trace = new Scatter { HoverTextArray = [$"<b>{Hostile}</b><br>R&D <span style=\"x\">y</span>"] };

        Render<Chart>(p => p.Add(c => c.Id, "hover").Add(c => c.Traces, [trace]));

        Assert.Equal($"<b>{Escaped}</b><br>R&amp;D &lt;span style=\"x\"&gt;y&lt;/span&gt;", Assert.Single(trace.HoverTextArray));
        Assert.Equal(Hostile, ChartText.Decode(Escaped));
    }
}
