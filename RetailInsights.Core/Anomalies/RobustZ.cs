namespace RetailInsights.Core.Anomalies;

/// <summary>
/// The robust z-score of a value against its recent history: 0.6745 × (value − median) / MAD (Iglewicz and Hoaglin).
/// When the MAD is zero (a flat history) the mean absolute deviation × 1.2533 stands in; a history with no variation
/// at all gives no score.
/// </summary>
public static class RobustZ
{
    /// <param name="history">The values before; reordered in place.</param>
    /// <returns>The score, or null when the history has no spread (or is empty).</returns>
    public static double? Score(double value, Span<double> history)
    {
        if (history.IsEmpty)
            return null;
        var median = Median(history);
        for (var i = 0; i < history.Length; i++)
            history[i] = Math.Abs(history[i] - median);
        var spread = Median(history);
        if (spread == 0)
        {
            var meanDeviation = 0.0;
            foreach (var deviation in history)
                meanDeviation += deviation;
            spread = meanDeviation / history.Length * 1.2533 / 0.6745;
        }
        return spread == 0 ? null : 0.6745 * (value - median) / spread;
    }

    /// <summary>The median of the values (sorted in place).</summary>
    public static double Median(Span<double> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
