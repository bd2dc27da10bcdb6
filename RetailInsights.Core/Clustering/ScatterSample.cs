namespace RetailInsights.Core.Clustering;

/// <summary>
/// Which customers a cluster scatter draws: a page cannot hold a run's hundred thousand customers, and a plot of more
/// than a few thousand points is a smear anyway. Each cluster gets its share of <c>maxPoints</c> (at least
/// <c>minPerCluster</c>, or all of it when smaller), so a small cluster stays visible, and outliers are drawn up to
/// <c>maxOutliers</c>, since they are what the plot is asked to mark. Seeded, so the same data draw the same points.
/// </summary>
public static class ScatterSample
{
    public static bool[] Pick(IReadOnlyList<int> assignments, int maxPoints = 2000, int maxOutliers = 300, int minPerCluster = 30, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPoints);
        var picked = new bool[assignments.Count];
        var groups = Enumerable.Range(0, assignments.Count).GroupBy(i => assignments[i]).OrderBy(g => g.Key).ToList();
        var inliers = groups.Where(g => g.Key != CustomerClusterer.OutlierCluster).Sum(g => g.Count());
        var random = new Random(seed);
        foreach (var group in groups)
        {
            var members = group.ToArray();
            var quota = group.Key == CustomerClusterer.OutlierCluster
                ? maxOutliers
                : Math.Max(minPerCluster, (int)Math.Ceiling((double)maxPoints * members.Length / Math.Max(1, inliers)));
            if (members.Length > quota)
            {
                random.Shuffle(members);
                members = members[..quota];
            }
            foreach (var i in members)
                picked[i] = true;
        }
        return picked;
    }
}
