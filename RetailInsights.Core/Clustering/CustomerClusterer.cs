using RetailInsights.Core.Segmentation;

namespace RetailInsights.Core.Clustering;

/// <summary>
/// Clusters customers on log-transformed, standardized R, F and M, choosing k automatically.
/// Outliers first: a customer whose frequency or monetary value lies beyond Q3 + 3·IQR (raw scale) is set apart in
/// its own group, so a handful of wholesalers do not take clusters of their own. Then for k = 2..10: the best of
/// several seeded k-means++ runs (50, or 5 above 20,000 customers); the silhouette (on a fixed sample above 3,000 customers) and the elbow score
/// (the WSS curve's normalized distance below the straight line from its first to its last point) are each scaled to
/// [0, 1] over the k tried and combined 60% / 40%; the highest combined score wins.
/// </summary>
public static class CustomerClusterer
{
    public const int OutlierCluster = -1;

    public static CustomerClustering Cluster(IReadOnlyList<RfmValues> customers, int minK = 2, int maxK = 10,
        KMeansOptions? options = null, CancellationToken cancellationToken = default)
    {
        var outlier = OutlierFlags(customers);
        var inliers = Enumerable.Range(0, customers.Count).Where(i => !outlier[i]).ToArray();
        var assignments = Enumerable.Repeat(OutlierCluster, customers.Count).ToArray();
        if (inliers.Length < minK + 1)
            return new CustomerClustering(0, assignments, Summaries(customers, assignments, []), [], outlier.Count(o => o));

        // Many starts matter on small shops' data; on large ones the best of a few is as good and ten times faster.
        options ??= new KMeansOptions { Restarts = inliers.Length <= 20_000 ? 50 : 5 };
        var points = RfmStandardizer.LogZ(inliers.Select(i => new[] { customers[i].RecencyDays, customers[i].Frequency, (double)customers[i].Monetary }).ToArray());
        maxK = Math.Min(maxK, inliers.Length - 1);
        var models = new List<KMeansModel>();
        var silhouettes = new List<double>();
        for (var k = minK; k <= maxK; k++)
        {
            var model = KMeansClusterer.Fit(points, k, options, cancellationToken);
            models.Add(model);
            silhouettes.Add(Silhouette.Mean(points, model.Assignments, k));
        }
        var elbow = ElbowScores(models.Select(m => m.WithinSumOfSquares).ToArray());
        var silhouetteScaled = Scale(silhouettes.ToArray());
        var elbowScaled = Scale(elbow);
        var candidates = models.Select((m, i) => new ClusterCandidate(m.K, m.WithinSumOfSquares, silhouettes[i], elbow[i],
            0.6 * silhouetteScaled[i] + 0.4 * elbowScaled[i])).ToList();
        var chosen = candidates.MaxBy(c => c.CombinedScore)!;
        var best = models[chosen.K - minK];
        for (var i = 0; i < inliers.Length; i++)
            assignments[inliers[i]] = best.Assignments[i];
        return new CustomerClustering(chosen.K, assignments, Summaries(customers, assignments, best.Centroids), candidates, outlier.Count(o => o));
    }

    /// <summary>Beyond Q3 + 3·IQR on frequency or monetary value.</summary>
    public static bool[] OutlierFlags(IReadOnlyList<RfmValues> customers)
    {
        var frequencyLimit = UpperFence(customers.Select(c => (double)c.Frequency));
        var monetaryLimit = UpperFence(customers.Select(c => (double)c.Monetary));
        return customers.Select(c => c.Frequency > frequencyLimit || (double)c.Monetary > monetaryLimit).ToArray();
    }

    private static double UpperFence(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length < 4)
            return double.MaxValue;
        double Quantile(double p)
        {
            var position = p * (sorted.Length - 1);
            var low = (int)Math.Floor(position);
            var high = Math.Min(low + 1, sorted.Length - 1);
            return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
        }
        var q1 = Quantile(0.25);
        var q3 = Quantile(0.75);
        return q3 + 3 * (q3 - q1);
    }

    // How far each point of the WSS curve lies below the chord from the first to the last k, relative to the drop.
    private static double[] ElbowScores(double[] wss)
    {
        var scores = new double[wss.Length];
        if (wss.Length < 3)
            return scores;
        var drop = wss[0] - wss[^1];
        if (drop <= 0)
            return scores;
        for (var i = 1; i < wss.Length - 1; i++)
        {
            var chord = wss[0] - drop * i / (wss.Length - 1);
            scores[i] = Math.Max(0, (chord - wss[i]) / drop);
        }
        return scores;
    }

    private static double[] Scale(double[] values)
    {
        var min = values.Min();
        var max = values.Max();
        return values.Select(v => max > min ? (v - min) / (max - min) : 1.0).ToArray();
    }

    private static List<ClusterSummary> Summaries(IReadOnlyList<RfmValues> customers, int[] assignments, double[][] centroids)
    {
        var totalRevenue = customers.Sum(c => c.Monetary);
        var summaries = new List<ClusterSummary>();
        foreach (var group in Enumerable.Range(0, customers.Count).GroupBy(i => assignments[i]).OrderBy(g => g.Key))
        {
            var members = group.Select(i => customers[i]).ToList();
            var revenue = members.Sum(c => c.Monetary);
            var (label, action) = group.Key == OutlierCluster
                ? ("Outliers: exceptional frequency or spend", "Serve them personally: key-account treatment, wholesale terms.")
                : Describe(centroids[group.Key]);
            summaries.Add(new ClusterSummary(group.Key, label, action, members.Count, members.Average(c => c.RecencyDays),
                members.Average(c => c.Frequency), Math.Round(members.Average(c => c.Monetary), 2),
                totalRevenue == 0 ? 0 : (double)(revenue / totalRevenue)));
        }
        return WithDistinctLabels(summaries);
    }

    /// <summary>
    /// Two clusters can fall in the same cell of <see cref="Describe"/>; marketing must still tell them apart on the
    /// page and in exports, so shared labels get the clusters' rank by mean spend.
    /// </summary>
    internal static List<ClusterSummary> WithDistinctLabels(List<ClusterSummary> summaries)
    {
        var renamed = new Dictionary<int, string>();
        foreach (var shared in summaries.GroupBy(s => s.Label).Where(g => g.Count() > 1))
        {
            var bySpend = shared.OrderByDescending(s => s.MeanMonetary).ThenBy(s => s.Cluster).ToList();
            for (var rank = 0; rank < bySpend.Count; rank++)
                renamed[bySpend[rank].Cluster] = bySpend.Count == 2
                    ? $"{shared.Key} ({(rank == 0 ? "higher" : "lower")} spend)"
                    : $"{shared.Key} ({rank + 1} of {bySpend.Count} by spend)";
        }
        return summaries.Select(s => renamed.TryGetValue(s.Cluster, out var label) ? s with { Label = label } : s).ToList();
    }

    // The centroid's standardized position: recent or lapsed (recency below or above average), and how much they
    // buy (mean of the frequency and monetary z-scores).
    private static (string Label, string Action) Describe(double[] centroid)
    {
        var recent = centroid[0] < 0;
        var value = (centroid[1] + centroid[2]) / 2;
        return (recent, value) switch
        {
            (true, > 0.5) => ("Active high-value", "Reward and retain: loyalty perks, early access, referrals."),
            (true, > -0.3) => ("Active regulars", "Grow the basket: bundles and cross-sell from the top rules."),
            (true, _) => ("Recent light buyers", "Second-visit offers to turn them into regulars."),
            (false, > 0.5) => ("Lapsed high-value", "Win back now: personal offers before they are gone."),
            (false, > -0.3) => ("Drifting regulars", "Reminders and limited-time offers on what they used to buy."),
            _ => ("Lapsed low-value", "Low-cost reactivation only; leave them out of expensive campaigns."),
        };
    }
}
