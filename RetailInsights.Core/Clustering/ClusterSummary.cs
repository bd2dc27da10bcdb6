namespace RetailInsights.Core.Clustering;

/// <summary>A cluster in the customer's own units, with a readable label and what to do about it.</summary>
public sealed record ClusterSummary(
    int Cluster,
    string Label,
    string Action,
    int Size,
    double MeanRecencyDays,
    double MeanFrequency,
    decimal MeanMonetary,
    double RevenueShare);
