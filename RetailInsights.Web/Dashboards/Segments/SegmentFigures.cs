namespace RetailInsights.Web.Dashboards.Segments;

/// <summary>The customers and their spend in one cell of the segment grid (recency score by frequency-and-monetary score).</summary>
public sealed record GridCell(int R, int FM, string Segment, int Customers, decimal Monetary);

/// <summary>A segment's size and what its customers spent, with both as shares of the run.</summary>
public sealed record SegmentSize(string Segment, int Customers, decimal Monetary, double CustomerShare, double RevenueShare);

/// <summary>One k the clustering tried.</summary>
public sealed record KChoice(int K, double WithinSumOfSquares, double Silhouette, double ElbowScore, double CombinedScore);

/// <summary>A customer the cluster scatter draws.</summary>
public sealed record ScatterPoint(string Code, int RecencyDays, int Frequency, decimal Monetary, int Cluster);

/// <summary>Customers in a segment in the previous run (empty: not scored then) and in a segment now.</summary>
public sealed record SegmentMoveCount(string From, string To, int Customers);

/// <summary>The moves since the previous successful run, or none when this is the first run.</summary>
public sealed record SegmentMigration(long? PreviousRunId, DateOnly? PreviousAsOf, IReadOnlyList<SegmentMoveCount> Moves);

/// <summary>A row of the customer list: the run's figures and, when the previous run scored them, their segment then.</summary>
public sealed record CustomerRow(string Code, string Segment, string? PreviousSegment, int RecencyDays, int Frequency, decimal Monetary,
    short R, short F, short M, int Cluster);

/// <summary>A page of the customer list and how many customers the selection holds.</summary>
public sealed record CustomerRows(IReadOnlyList<CustomerRow> Rows, int Total);
