namespace RetailInsights.Core.Anomalies;

/// <summary>
/// Flags days that depart from their recent pattern, per series. The rule: for each day, take the same series'
/// previous <see cref="WindowDays"/> days (missing days count as zero), compute the median and the median absolute
/// deviation (MAD), and the robust z-score 0.6745 × (value − median) / MAD (Iglewicz and Hoaglin). A day is flagged
/// when |z| exceeds <see cref="Threshold"/> (3.5), and only when the window holds at least <see cref="MinHistoryDays"/>
/// days of the series' life. Medians resist the very outliers being looked for, unlike a mean and standard deviation.
/// When MAD is zero (a flat window) the mean absolute deviation × 1.2533 stands in; a window with no variation at all
/// flags nothing.
/// </summary>
public sealed class RobustZScoreDetector
{
    public int WindowDays { get; init; } = 28;

    public int MinHistoryDays { get; init; } = 14;

    public double Threshold { get; init; } = 3.5;

    public IReadOnlyList<Anomaly> Detect(string key, IEnumerable<DailyValue> series)
    {
        var byDate = new SortedDictionary<DateOnly, decimal>();
        foreach (var point in series)
            byDate[point.Date] = byDate.GetValueOrDefault(point.Date) + point.Value;
        if (byDate.Count == 0)
            return [];

        var first = byDate.Keys.First();
        var last = byDate.Keys.Last();
        var days = last.DayNumber - first.DayNumber + 1;
        var values = new double[days];
        foreach (var (date, value) in byDate)
            values[date.DayNumber - first.DayNumber] = (double)value;

        var anomalies = new List<Anomaly>();
        var window = new double[WindowDays];
        for (var day = MinHistoryDays; day < days; day++)
        {
            var start = Math.Max(0, day - WindowDays);
            var length = day - start;
            Array.Copy(values, start, window, 0, length);
            var span = window.AsSpan(0, length);
            var median = RobustZ.Median(span);
            if (RobustZ.Score(values[day], span) is not { } z)
                continue;
            if (Math.Abs(z) > Threshold)
                anomalies.Add(new Anomaly(key, first.AddDays(day), (decimal)values[day], (decimal)median, Math.Round(z, 2)));
        }
        return anomalies;
    }
}
