namespace RetailInsights.Core.Segmentation;

/// <summary>
/// Scores customers 1–5 by quintile on recency (fewer days is better), frequency and monetary value (more is better).
/// Ties: customers with equal values always share a score. Each customer's position is the mean rank of its tie
/// group, and the score is 1 + ⌊5 × (position − ½) / n⌋: exact quintiles when values are distinct, the middle score
/// (3) when every value is equal, and a spread over 1..5 by position with fewer than five customers.
/// </summary>
public static class RfmScorer
{
    public static IReadOnlyList<RfmScore> Score(IReadOnlyList<RfmValues> customers)
    {
        var r = Scores(customers, c => -c.RecencyDays);
        var f = Scores(customers, c => c.Frequency);
        var m = Scores(customers, c => c.Monetary);
        var result = new RfmScore[customers.Count];
        for (var i = 0; i < customers.Count; i++)
        {
            var fm = (f[i] + m[i] + 1) / 2;
            result[i] = new RfmScore(customers[i], r[i], f[i], m[i], RfmSegmentRules.For(r[i], fm));
        }
        return result;
    }

    /// <summary>Quintile scores of one measure, where a larger key is better.</summary>
    internal static int[] Scores(IReadOnlyList<RfmValues> customers, Func<RfmValues, decimal> key)
    {
        var n = customers.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => key(customers[i])).ToArray();
        var scores = new int[n];
        var start = 0;
        while (start < n)
        {
            var end = start;
            var value = key(customers[order[start]]);
            while (end + 1 < n && key(customers[order[end + 1]]) == value)
                end++;
            // Ranks are 1-based: the tie group holds ranks start+1 .. end+1; its mean rank is their middle.
            var meanRank = (start + end) / 2.0 + 1;
            var score = Math.Clamp(1 + (int)Math.Floor(5 * (meanRank - 0.5) / n), 1, 5);
            for (var i = start; i <= end; i++)
                scores[order[i]] = score;
            start = end + 1;
        }
        return scores;
    }
}
