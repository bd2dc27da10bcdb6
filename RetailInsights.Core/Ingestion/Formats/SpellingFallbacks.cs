namespace RetailInsights.Core.Ingestion.Formats;

/// <summary>
/// For each mapped column, the other headers that spell it too, in the column's order of preference. A CSV line has
/// every column; a JSON record may carry a column under one spelling and leave out the one the header map chose.
/// </summary>
internal sealed class SpellingFallbacks
{
    private readonly Dictionary<ColumnSpec, int[]> _others = [];

    public SpellingFallbacks(HeaderMap map)
    {
        var normalized = map.Found.Select(ColumnSpec.Normalize).ToArray();
        foreach (var (column, index) in map.Mapped)
        {
            var others = column.Aliases.Prepend(column.Name).Select(ColumnSpec.Normalize)
                .SelectMany(spelling => Enumerable.Range(0, normalized.Length).Where(i => normalized[i] == spelling))
                .Where(i => i != index)
                .Distinct()
                .ToArray();
            if (others.Length > 0)
                _others[column] = others;
        }
    }

    public IReadOnlyList<int> For(ColumnSpec column) => _others.GetValueOrDefault(column, []);
}
