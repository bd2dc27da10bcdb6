using RetailInsights.Core.Anomalies;

namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>
/// Unusual days of a range, by the rule of <see cref="RobustZScoreDetector"/> (median and MAD of the previous 28
/// days, |z| &gt; 3.5). A range's first day needs the 28 days before it, so the series is read from
/// <see cref="HistoryFrom"/>; a store or product with no sale in those days starts its life at its first sale there,
/// and is judged once it has two weeks of it (a new product is not unusual for being new).
/// </summary>
public static class DayFlags
{
    public static readonly RobustZScoreDetector Detector = new();

    /// <summary>The first day to read for a range starting on <paramref name="from"/>.</summary>
    public static DateOnly HistoryFrom(DateOnly from) => from.AddDays(-Detector.WindowDays);

    /// <summary>The flagged days of one series that fall in the range (the history only informs them).</summary>
    public static IReadOnlyList<Anomaly> InRange(string key, IEnumerable<DailyValue> series, DateOnly from, DateOnly to) =>
        Detector.Detect(key, series).Where(a => a.Date >= from && a.Date <= to).ToList();

    /// <summary>Every day of the range with its value, zero on days without one (as the detector counts them).</summary>
    public static IReadOnlyList<DailyValue> Days(IEnumerable<DailyValue> series, DateOnly from, DateOnly to)
    {
        var byDay = new Dictionary<DateOnly, decimal>();
        foreach (var point in series)
        {
            if (point.Date >= from && point.Date <= to)
                byDay[point.Date] = byDay.GetValueOrDefault(point.Date) + point.Value;
        }
        return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
            .Select(day => new DailyValue(day, byDay.GetValueOrDefault(day))).ToList();
    }
}
