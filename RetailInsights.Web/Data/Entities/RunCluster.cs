namespace RetailInsights.Web.Data.Entities;

/// <summary>A cluster of a run, in the customers' own units, with its label and recommended action.</summary>
public sealed class RunCluster
{
    public long RunId { get; set; }
    public int Cluster { get; set; }
    public required string Label { get; set; }
    public required string Action { get; set; }
    public int Size { get; set; }
    public double MeanRecencyDays { get; set; }
    public double MeanFrequency { get; set; }
    public decimal MeanMonetary { get; set; }
    public double RevenueShare { get; set; }
}
