namespace RetailInsights.Web.Data.Entities;

/// <summary>
/// How many of a run's customers were in a segment in the previous successful run and are in another (or the same)
/// now; <see cref="FromSegment"/> is empty for customers the previous run did not score. Written with the run.
/// </summary>
public sealed class RunSegmentMove
{
    public long RunId { get; set; }
    public long PreviousRunId { get; set; }
    public required string FromSegment { get; set; }
    public required string ToSegment { get; set; }
    public int Customers { get; set; }
}
