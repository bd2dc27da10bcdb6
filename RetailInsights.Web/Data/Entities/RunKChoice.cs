namespace RetailInsights.Web.Data.Entities;

/// <summary>
/// One k that a run's clustering tried: its within-cluster sum of squares, mean silhouette, elbow score and the
/// combined score the choice maximised (the chosen k is the run's <see cref="AnalysisRun.ChosenK"/>).
/// </summary>
public sealed class RunKChoice
{
    public long RunId { get; set; }
    public int K { get; set; }
    public double WithinSumOfSquares { get; set; }
    public double Silhouette { get; set; }
    public double ElbowScore { get; set; }
    public double CombinedScore { get; set; }
}
