namespace RetailInsights.Web.Data.Entities;

/// <summary>
/// A run's customers in one cell of the segment grid (recency score R by the frequency-and-monetary score FM), and
/// what they spent: the page's segment sizes and heat map read these 25 rows, not the run's customers.
/// </summary>
public sealed class RunSegmentCell
{
    public long RunId { get; set; }
    public short R { get; set; }
    public short FM { get; set; }
    public required string Segment { get; set; }
    public int Customers { get; set; }
    public decimal Monetary { get; set; }
}
