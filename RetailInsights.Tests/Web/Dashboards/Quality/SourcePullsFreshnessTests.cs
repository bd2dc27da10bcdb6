using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Dashboards.Quality;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Sources;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Tests.Web.Dashboards.Quality;

/// <summary>
/// The Data quality page's table of sources, rendered in bUnit from the real freshness query after real pulls from a
/// retailer API on loopback: a source whose pulls fail shows as failing with the error, and as ok once they succeed.
/// </summary>
[Trait("Tier", "database")]
public sealed class SourcePullsFreshnessTests : BunitContext, IAsyncLifetime
{
    private PullContext _context = null!;

    public async Task InitializeAsync()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(TimeProvider.System);
        _context = await PullContext.StartAsync();
        await _context.SaveSourceAsync();
        _context.AddSevenSales();
        await _context.SaveEndpointAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _context.DisposeAsync();
    }

    private async Task<IRenderedComponent<SourceFreshnessTable>> RenderAsync()
    {
        var queries = new QualityQueries(new DashboardDatabase(_context.Pipeline.Database.DataSource, Options.Create(new DashboardOptions())));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sources = await queries.FreshnessAsync(new DashboardFilter { From = today, To = today }, CancellationToken.None);
        return Render<SourceFreshnessTable>(p => p.Add(t => t.Sources, sources));
    }

    [Fact]
    public async Task SourceWhosePullsFail_isShownFailingWithItsError_andOkOnceAPullSucceeds()
    {
        await using (var scope = _context.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync("franchise", new SourceChange(), "test", CancellationToken.None);
        var broken = true;
        _context.Api.Faults = _ => broken ? new RetailerApi.Fault(HttpStatusCode.BadGateway) : null;
        Assert.Equal(PullStatuses.Failed, (await _context.PullAsync()).Status);

        var failing = (await RenderAsync()).Find("tr[data-source='market'] td[data-pulls]");

        Assert.Equal("failing", failing.GetAttribute("data-pulls"));
        Assert.Contains("502 Bad Gateway, 3 times", failing.TextContent);
        Assert.Contains("last success: never", failing.TextContent);

        broken = false;
        Assert.Equal(PullStatuses.Loaded, (await _context.PullAsync()).Status);

        var table = await RenderAsync();
        var ok = table.Find("tr[data-source='market'] td[data-pulls]");
        Assert.Equal("ok", ok.GetAttribute("data-pulls"));
        Assert.Contains("7 records", ok.TextContent);
        Assert.Equal("none", table.Find("tr[data-source='franchise'] td[data-pulls]").GetAttribute("data-pulls"));
    }
}
