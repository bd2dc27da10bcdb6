namespace RetailInsights.Core.Clustering;

/// <summary>
/// Mean silhouette width as R's cluster::silhouette computes it with Euclidean distances: for each point,
/// (b − a) / max(a, b), where a is its mean distance to the rest of its cluster and b the smallest mean distance to
/// another cluster; 0 for a point alone in its cluster. Quadratic in n, so large sets are measured on a fixed sample.
/// </summary>
public static class Silhouette
{
    public static double Mean(double[][] points, int[] assignments, int k, int maxPoints = 3000, int seed = 42)
    {
        var indexes = Enumerable.Range(0, points.Length).ToArray();
        if (points.Length > maxPoints)
        {
            new Random(seed).Shuffle(indexes);
            indexes = indexes[..maxPoints];
        }
        var sizes = new int[k];
        foreach (var i in indexes)
            sizes[assignments[i]]++;
        var total = 0.0;
        var sums = new double[k];
        foreach (var i in indexes)
        {
            Array.Clear(sums);
            foreach (var j in indexes)
                if (j != i)
                    sums[assignments[j]] += Math.Sqrt(KMeansClusterer.SquaredDistance(points[i], points[j]));
            var own = assignments[i];
            if (sizes[own] <= 1)
                continue;
            var a = sums[own] / (sizes[own] - 1);
            var b = double.MaxValue;
            for (var c = 0; c < k; c++)
                if (c != own && sizes[c] > 0)
                    b = Math.Min(b, sums[c] / sizes[c]);
            total += b == double.MaxValue ? 0 : (b - a) / Math.Max(a, b);
        }
        return total / indexes.Length;
    }
}
