using RetailInsights.Core.Anomalies;
using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

[Trait("Tier", "unit")]
public sealed class DayFlagsTests
{
    private static readonly DateOnly From = new(2026, 11, 1);

    // An ordinary store: 100 ± a little every day, with the spikes asked for.
    private static List<DailyValue> Series(DateOnly first, DateOnly last, params (DateOnly Day, decimal Value)[] spikes)
    {
        var series = new List<DailyValue>();
        for (var day = first; day <= last; day = day.AddDays(1))
            series.Add(new DailyValue(day, spikes.Any(s => s.Day == day) ? spikes.First(s => s.Day == day).Value : 100 + day.DayNumber % 5));
        return series;
    }

    [Fact]
    public void HistoryFrom_isTheDetectorsWindowBeforeTheRange() => Assert.Equal(new DateOnly(2026, 10, 4), DayFlags.HistoryFrom(From));

    [Fact]
    public void InRange_spikesInHistoryAndRange_flagsOnlyTheRangesOnes()
    {
        var to = From.AddDays(6);
        var series = Series(DayFlags.HistoryFrom(From), to, (From.AddDays(-5), 900m), (From.AddDays(2), 1000m), (From.AddDays(4), 5m));

        var flags = DayFlags.InRange("S", series, From, to);

        Assert.Equal([From.AddDays(2), From.AddDays(4)], flags.Select(f => f.Date));
        Assert.True(flags[0].IsHigh);
        Assert.False(flags[1].IsHigh);
        Assert.All(flags, f => Assert.InRange(f.Expected, 100m, 104m));
    }

    [Fact]
    public void InRange_readFromHistoryFrom_equalsTheWholeHistorysFlags_forASeriesSellingEveryDay()
    {
        var to = From.AddDays(20);
        var spikes = new[] { (From.AddDays(3), 700m), (From.AddDays(15), 0m), (From.AddDays(-40), 800m) };
        var whole = Series(From.AddDays(-200), to, spikes);

        var fromHistory = DayFlags.InRange("S", whole.Where(d => d.Date >= DayFlags.HistoryFrom(From)), From, to);

        Assert.Equal(DayFlags.InRange("S", whole, From, to), fromHistory);
        Assert.Equal(2, fromHistory.Count);
    }

    [Fact]
    public void InRange_aStoreOpenedInTheRange_isNotJudgedBeforeTwoWeeks()
    {
        var opened = From.AddDays(2);
        var flags = DayFlags.InRange("New", Series(opened, From.AddDays(30), (opened.AddDays(1), 5000m), (opened.AddDays(20), 5000m)), From, From.AddDays(30));

        Assert.Equal([opened.AddDays(20)], flags.Select(f => f.Date));
    }

    [Fact]
    public void Days_fillsDaysWithoutSalesWithZero_andLeavesOutDaysOutsideTheRange()
    {
        var days = DayFlags.Days([new(From.AddDays(-1), 9m), new(From, 1m), new(From, 2m), new(From.AddDays(2), 5m)], From, From.AddDays(3));

        Assert.Equal([3m, 0m, 5m, 0m], days.Select(d => d.Value));
        Assert.Equal(From.AddDays(3), days[^1].Date);
    }
}
