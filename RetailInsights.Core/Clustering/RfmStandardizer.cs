namespace RetailInsights.Core.Clustering;

/// <summary>
/// log1p, then z-score with the sample standard deviation, per column: RFM values are heavily skewed (a few
/// wholesalers spend a hundred times the median), and clustering raw values would only separate those few.
/// </summary>
public static class RfmStandardizer
{
    public static double[][] LogZ(IReadOnlyList<double[]> rows)
    {
        var n = rows.Count;
        var d = rows[0].Length;
        var result = rows.Select(r => r.Select(v => double.LogP1(v)).ToArray()).ToArray();
        for (var j = 0; j < d; j++)
        {
            var mean = 0.0;
            for (var i = 0; i < n; i++)
                mean += result[i][j];
            mean /= n;
            var variance = 0.0;
            for (var i = 0; i < n; i++)
                variance += (result[i][j] - mean) * (result[i][j] - mean);
            var sd = n > 1 ? Math.Sqrt(variance / (n - 1)) : 0;
            for (var i = 0; i < n; i++)
                result[i][j] = sd > 0 ? (result[i][j] - mean) / sd : 0;
        }
        return result;
    }
}
