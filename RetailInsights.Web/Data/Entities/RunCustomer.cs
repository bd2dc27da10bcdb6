namespace RetailInsights.Web.Data.Entities;

/// <summary>A customer's RFM values, scores, segment and cluster in one run; runs kept over time show migration.</summary>
public sealed class RunCustomer
{
    public long RunId { get; set; }
    public required string CustomerCode { get; set; }
    public int RecencyDays { get; set; }
    public int Frequency { get; set; }
    public decimal Monetary { get; set; }
    public short R { get; set; }
    public short F { get; set; }
    public short M { get; set; }
    public required string Segment { get; set; }

    /// <summary>-1 for the outlier group.</summary>
    public int Cluster { get; set; }

    /// <summary>One of the customers the cluster scatter draws (see <see cref="Core.Clustering.ScatterSample"/>).</summary>
    public bool Plotted { get; set; }
}
