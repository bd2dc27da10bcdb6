namespace RetailInsights.Web.Data.Entities;

/// <summary>One analytics run: as of which day, with which parameters, how long, what it found, and whether it worked.</summary>
public sealed class AnalysisRun
{
    public long RunId { get; set; }
    public DateOnly AsOf { get; set; }
    public required string Status { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public double MinSupport { get; set; }
    public double MinConfidence { get; set; }
    public int WindowDays { get; set; }
    public int Baskets { get; set; }
    public int Rules { get; set; }
    public int Customers { get; set; }
    public int? ChosenK { get; set; }

    /// <summary>Seconds per stage, as JSON.</summary>
    public string? Timings { get; set; }
    public string? ErrorText { get; set; }
}

public static class AnalysisRunStatuses
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
