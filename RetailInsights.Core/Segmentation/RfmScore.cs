namespace RetailInsights.Core.Segmentation;

/// <summary>A customer's 1–5 scores (5 best: most recent, most frequent, highest spend) and named segment.</summary>
public sealed record RfmScore(RfmValues Values, int R, int F, int M, RfmSegment Segment)
{
    /// <summary>The frequency-and-monetary score the segment grid reads: the mean of F and M, rounded up.</summary>
    public int FM => (F + M + 1) / 2;

    public string Code => $"{R}{F}{M}";
}
