namespace RetailInsights.Core.Clustering;

public sealed record KMeansOptions
{
    /// <summary>Independent k-means++ starts; the lowest within-cluster sum of squares wins.</summary>
    public int Restarts { get; init; } = 50;

    public int MaxIterations { get; init; } = 100;

    /// <summary>Fixed, so the same data give the same clusters on every run.</summary>
    public int Seed { get; init; } = 42;
}
