using RetailInsights.Core.Anomalies;

namespace RetailInsights.Tests.Core.Anomalies;

[Trait("Tier", "unit")]
public sealed class RobustZScoreDetectorTests
{
    private static readonly DateOnly Start = new(2025, 6, 1);

    private static IEnumerable<DailyValue> Series(params decimal[] values) =>
        values.Select((v, i) => new DailyValue(Start.AddDays(i), v));

    [Fact]
    public void Detect_spikeAfterSteadyWeeks_isFlaggedWithItsExpectedValue()
    {
        // 30 days alternating 100 and 110 (median 105, MAD 5), then 160: z = 0.6745 × 55 / 5 = 7.42.
        var values = Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? 100m : 110m).Append(160m).ToArray();

        var anomaly = Assert.Single(new RobustZScoreDetector().Detect("JKT-01", Series(values)));

        Assert.Equal(("JKT-01", Start.AddDays(30), 160m, 105m), (anomaly.Key, anomaly.Date, anomaly.Value, anomaly.Expected));
        Assert.Equal(7.42, anomaly.RobustZ, 2);
        Assert.True(anomaly.IsHigh);
    }

    [Fact]
    public void Detect_dropToZeroOnAMissingDay_isFlaggedLow()
    {
        var points = Enumerable.Range(0, 40).Where(i => i != 35)
            .Select(i => new DailyValue(Start.AddDays(i), i % 3 == 0 ? 95m : 105m));

        var anomaly = Assert.Single(new RobustZScoreDetector().Detect("IND-001", points));

        Assert.Equal((Start.AddDays(35), 0m), (anomaly.Date, anomaly.Value));
        Assert.False(anomaly.IsHigh);
    }

    [Fact]
    public void Detect_ordinaryVariation_flagsNothing()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 90).Select(_ => 1000m + random.Next(-50, 51)).ToArray();
        Assert.Empty(new RobustZScoreDetector().Detect("S", Series(values)));
    }

    [Fact]
    public void Detect_lessHistoryThanRequired_flagsNothing()
    {
        var values = Enumerable.Repeat(100m, 13).Append(10_000m).ToArray();
        Assert.Empty(new RobustZScoreDetector().Detect("S", Series(values)));
    }

    [Fact]
    public void Detect_flatWindow_usesMeanAbsoluteDeviation_andAllEqualFlagsNothing()
    {
        // 20 days at 100 with one day at 130 inside the window: MAD is 0, the mean absolute deviation carries the rule.
        var values = Enumerable.Repeat(100m, 20).ToList();
        values[10] = 130m;
        values.Add(400m);

        var flagged = new RobustZScoreDetector().Detect("S", Series([.. values]));

        Assert.Equal([Start.AddDays(20)], flagged.Select(a => a.Date));
        Assert.Empty(new RobustZScoreDetector().Detect("S", Series([.. Enumerable.Repeat(100m, 40)])));
    }
}
