using RetailInsights.Core.Segmentation;

namespace RetailInsights.Web.Dashboards.Segments;

/// <summary>A from → to matrix: row and column labels in the segment table's order, counts, and each count's share of its row.</summary>
public sealed record MigrationMatrix(IReadOnlyList<string> From, IReadOnlyList<string> To, int[][] Counts)
{
    public double RowShare(int row, int column)
    {
        var total = Counts[row].Sum();
        return total == 0 ? 0 : (double)Counts[row][column] / total;
    }
}

/// <summary>What the Segments page's charts draw, laid out from the stored rows (pure, so tested without a browser).</summary>
public static class SegmentMatrices
{
    public const int Scores = 5;

    /// <summary>Customers per cell: [R − 1][FM − 1], zero where the run had none.</summary>
    public static int[][] Grid(IEnumerable<GridCell> cells)
    {
        var grid = Enumerable.Range(0, Scores).Select(_ => new int[Scores]).ToArray();
        foreach (var cell in cells)
            grid[cell.R - 1][cell.FM - 1] += cell.Customers;
        return grid;
    }

    /// <summary>Every segment of the grid in its table order, with its customers and spend and both as shares of the run.</summary>
    public static List<SegmentSize> Sizes(IReadOnlyList<GridCell> cells)
    {
        var customers = cells.Sum(c => c.Customers);
        var spend = cells.Sum(c => c.Monetary);
        return RfmSegmentRules.Table.Select(segment =>
        {
            var inSegment = cells.Where(c => c.Segment == segment.Name).ToList();
            var count = inSegment.Sum(c => c.Customers);
            var monetary = inSegment.Sum(c => c.Monetary);
            return new SegmentSize(segment.Name, count, monetary, customers == 0 ? 0 : (double)count / customers,
                spend == 0 ? 0 : (double)(monetary / spend));
        }).ToList();
    }

    /// <summary>
    /// The moves as a matrix over the segments that occur on each side; customers the previous run did not score come
    /// last, as the row <see cref="Analytics.CustomerSelection.NotScoredBefore"/>.
    /// </summary>
    public static MigrationMatrix Migration(IReadOnlyList<SegmentMoveCount> moves)
    {
        var order = RfmSegmentRules.Table.Select(s => s.Name).Append(Analytics.CustomerSelection.NotScoredBefore).ToList();
        var from = order.Where(s => moves.Any(m => m.From == s && m.Customers > 0)).ToList();
        var to = order.Where(s => moves.Any(m => m.To == s && m.Customers > 0)).ToList();
        var counts = from.Select(f => to.Select(t => moves.Where(m => m.From == f && m.To == t).Sum(m => m.Customers)).ToArray()).ToArray();
        return new MigrationMatrix(from, to, counts);
    }
}
