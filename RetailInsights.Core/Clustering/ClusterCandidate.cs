namespace RetailInsights.Core.Clustering;

/// <summary>One k tried: its within-cluster sum of squares, mean silhouette, the elbow and combined scores.</summary>
public sealed record ClusterCandidate(int K, double WithinSumOfSquares, double Silhouette, double ElbowScore, double CombinedScore);
