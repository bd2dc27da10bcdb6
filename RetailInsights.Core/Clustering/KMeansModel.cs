namespace RetailInsights.Core.Clustering;

/// <summary>A clustering: centroids, each point's cluster (0-based), and the total within-cluster sum of squares.</summary>
public sealed record KMeansModel(double[][] Centroids, int[] Assignments, double WithinSumOfSquares)
{
    public int K => Centroids.Length;

    public int[] Sizes()
    {
        var sizes = new int[K];
        foreach (var cluster in Assignments)
            sizes[cluster]++;
        return sizes;
    }
}
