using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Live;

namespace RetailInsights.Tests.Web.Live;

/// <summary>Minutes older than a week roll up into hours (the totals kept), and old events' ids are let go.</summary>
[Trait("Tier", "database")]
public sealed class LiveRollupJobTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task RollUp_movesOldMinutesIntoHours_keepingTheirTotals_andKeepsRecentOnes()
    {
        await fixture.Database.ExecuteAsync("""
            INSERT INTO live_minutes VALUES
                (date_trunc('hour', now()::timestamp - interval '9 days') + interval '5 minutes', 1, 1, 1, 10, 1, 0),
                (date_trunc('hour', now()::timestamp - interval '9 days') + interval '45 minutes', 1, 1, 1, 32, 2, 4),
                (date_trunc('minute', now()::timestamp), 1, 1, 1, 7, 1, 0);
            INSERT INTO live_store_minutes VALUES (date_trunc('hour', now()::timestamp - interval '9 days'), 1, 1, 42, 3, 4);
            INSERT INTO live_events (retailer_id, kind, event_id, received_at, occurred_at, product_id, store_id, amount, is_late)
            VALUES (1, 's', 'OLD-1', now() - interval '9 days', now() - interval '9 days', 1, 1, 10, false),
                   (1, 's', 'NEW-1', now(), now(), 1, 1, 7, false);
            """);
        await using var scope = fixture.App.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<LiveRollupJob>().RollUpAsync(CancellationToken.None);

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM live_minutes"));
        Assert.Equal("42.000|3|4.000", await fixture.Database.ScalarAsync<string>("SELECT revenue || '|' || lines || '|' || refunds FROM live_hours"));
        Assert.Equal("42.000|3", await fixture.Database.ScalarAsync<string>("SELECT revenue || '|' || transactions FROM live_store_hours"));
        Assert.Equal("NEW-1", await fixture.Database.ScalarAsync<string>("SELECT string_agg(event_id, ',') FROM live_events"));
    }
}
