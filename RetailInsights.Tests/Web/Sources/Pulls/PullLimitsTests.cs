using RetailInsights.Tests.Support;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Tests.Web.Sources.Pulls;

/// <summary>A pull's caps: past its record limit it stops paging at a whole page, and the next pull carries on from the cursor.</summary>
[Trait("Tier", "database")]
public sealed class PullLimitsTests : IAsyncLifetime
{
    private PullContext _context = null!;

    public async Task InitializeAsync()
    {
        _context = await PullContext.StartAsync(("Pulls:MaxRecordsPerPull", "3"));
        await _context.SaveSourceAsync();
        _context.AddSevenSales();
        await _context.SaveEndpointAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Pull_pastItsRecordCap_stopsAtAWholePage_andTheNextPullCarriesOnFromTheCursor()
    {
        var first = await _context.PullAsync();

        Assert.Equal((PullStatuses.Loaded, 2, 4), (first.Status, first.Pages, first.Records));
        Assert.Contains("Paging stopped at the pull's limits", first.Message);
        Assert.Equal("2025-07-04T10:10:00Z", first.CursorAfter);
        Assert.Equal(4, (await _context.FactsAsync()).Count);

        var second = await _context.PullAsync();

        Assert.Equal((PullStatuses.Loaded, 3L, 1L), (second.Status, second.Accepted, second.Duplicates));
        Assert.Equal(PullContext.SevenFacts.Order(StringComparer.Ordinal), (await _context.FactsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal([1, 2, 1, 2], _context.Api.PagesServed);
    }

    [Fact]
    public async Task Pull_ofRecordsOutOfCursorOrder_stoppedAtItsCap_loadsThem_butLeavesTheCursor_sayingWhy()
    {
        (_context.Api.Records[0], _context.Api.Records[3]) = (_context.Api.Records[3], _context.Api.Records[0]);

        var outcome = await _context.PullAsync();

        Assert.Equal((PullStatuses.Failed, 4L), (outcome.Status, outcome.Accepted));
        Assert.Contains("not in ascending order of updated_at", outcome.Message);
        Assert.Null((await _context.EndpointAsync()).Cursor);
        Assert.Equal(4, (await _context.FactsAsync()).Count);
    }
}
