namespace RetailInsights.Core.Clustering;

/// <summary>Each customer's cluster (<see cref="CustomerClusterer.OutlierCluster"/> for outliers), the clusters and how k was chosen.</summary>
public sealed record CustomerClustering(
    int ChosenK,
    int[] Assignments,
    IReadOnlyList<ClusterSummary> Clusters,
    IReadOnlyList<ClusterCandidate> Candidates,
    int Outliers);
