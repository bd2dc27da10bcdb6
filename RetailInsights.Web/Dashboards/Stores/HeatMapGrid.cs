namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>
/// Summary rows binned into a heat map's cells: one row per store, one column per category or hour, each cell the
/// sum of its rows (zero where none). Rows run largest total first, so the busiest store is on top.
/// </summary>
public sealed record HeatMapGrid(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, decimal[][] Values)
{
    public static readonly HeatMapGrid Empty = new([], [], []);

    public bool IsEmpty => Rows.Count == 0 || Columns.Count == 0;

    public decimal Max => Values.SelectMany(v => v).DefaultIfEmpty(0).Max();

    public decimal RowTotal(int row) => Values[row].Sum();

    /// <summary>A cell's share of its row (a category's share of a store's revenue, an hour's of its transactions).</summary>
    public double Share(int row, int column) => RowTotal(row) is var total and not 0 ? (double)(Values[row][column] / total) : 0;

    /// <param name="cells">Row label, column key and value; a cell named more than once is summed.</param>
    /// <param name="columns">The columns in their order; cells of other columns are left out.</param>
    public static HeatMapGrid Bin<TColumn>(IEnumerable<(string Row, TColumn Column, decimal Value)> cells, IReadOnlyList<TColumn> columns,
        Func<TColumn, string> columnLabel) where TColumn : notnull
    {
        var index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var rows = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        foreach (var (row, column, value) in cells)
        {
            if (!index.TryGetValue(column, out var at))
                continue;
            if (!rows.TryGetValue(row, out var values))
                rows[row] = values = new decimal[columns.Count];
            values[at] += value;
        }
        var ordered = rows.OrderByDescending(r => r.Value.Sum()).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        return new HeatMapGrid(ordered.Select(r => r.Key).ToList(), columns.Select(columnLabel).ToList(), ordered.Select(r => r.Value).ToArray());
    }

    /// <summary>The hours from the first to the last with any value, gaps included (a closed hour reads as zero).</summary>
    public static IReadOnlyList<int> HourSpan(IEnumerable<int> hours)
    {
        var seen = hours.Where(h => h is >= 0 and <= 23).ToList();
        return seen.Count == 0 ? [] : Enumerable.Range(seen.Min(), seen.Max() - seen.Min() + 1).ToList();
    }

    /// <summary>Columns by their total, largest first; <paramref name="last"/> (say, uncategorized) goes at the end.</summary>
    public static IReadOnlyList<string> ColumnsByTotal(IEnumerable<(string Row, string Column, decimal Value)> cells, string? last = null) => cells
        .GroupBy(c => c.Column, StringComparer.Ordinal)
        .OrderBy(g => g.Key == last).ThenByDescending(g => g.Sum(c => c.Value)).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key).ToList();
}
