namespace RetailInsights.Core.Ingestion;

/// <summary>Where each column of a kind sits in a file (-1 when an optional column is absent).</summary>
public sealed class HeaderMap
{
    private readonly Dictionary<ColumnSpec, int> _indexes;

    private HeaderMap(UploadKind kind, Dictionary<ColumnSpec, int> indexes, IReadOnlyList<string> found)
    {
        Kind = kind;
        _indexes = indexes;
        Found = found;
    }

    public UploadKind Kind { get; }

    /// <summary>The header as the file spells it.</summary>
    public IReadOnlyList<string> Found { get; }

    public int this[ColumnSpec column] => _indexes.GetValueOrDefault(column, -1);

    public IEnumerable<(ColumnSpec Column, int Index)> Mapped => _indexes.Select(p => (p.Key, p.Value));

    /// <summary>
    /// Maps a header to the requested kind, or detects the kind: the kind whose required columns are all there,
    /// preferring the one that matches most columns. Refuses the file naming the missing and the found columns.
    /// A source's <paramref name="mapping"/> is applied first: a header it names stands for that column only, and the
    /// usual names and aliases fill in the columns it does not name.
    /// </summary>
    public static HeaderMap Create(IReadOnlyList<string> headers, UploadKind? requested, ColumnMapping? mapping = null)
    {
        var normalized = headers.Select(ColumnSpec.Normalize).ToArray();
        var mapped = headers.Select(h => mapping?.CanonicalFor(h) is { } c ? ColumnSpec.Normalize(c) : null).ToArray();
        var candidates = (requested is { } k ? [k] : Enum.GetValues<UploadKind>())
            .Select(kind => Match(kind, normalized, mapped))
            .OrderBy(m => m.Missing.Count)
            .ThenByDescending(m => m.Indexes.Count)
            .ToList();
        var best = candidates[0];
        if (best.Missing.Count > 0)
        {
            var what = requested is null ? "any known file kind (transactions, refunds, product catalog, store locations)" : $"a {Describe(best.Kind)} file";
            throw new FileRefusedException(
                $"The header does not match {what}. Missing required columns: {string.Join(", ", best.Missing)}. " +
                $"Found: {(headers.Count == 0 ? "(nothing)" : string.Join(", ", headers))}.", missingColumns: best.Missing);
        }
        return new HeaderMap(best.Kind, best.Indexes, headers);
    }

    public static string Describe(UploadKind kind) => kind switch
    {
        UploadKind.Transactions => "transactions",
        UploadKind.Refunds => "refunds",
        UploadKind.ProductCatalog => "product catalog",
        UploadKind.StoreLocations => "store locations",
        _ => kind.ToString(),
    };

    /// <summary>The missing required columns of a header for a kind (none when it maps), under an optional mapping.</summary>
    public static IReadOnlyList<string> MissingColumns(IReadOnlyList<string> headers, UploadKind kind, ColumnMapping? mapping = null)
    {
        var mapped = headers.Select(h => mapping?.CanonicalFor(h) is { } c ? ColumnSpec.Normalize(c) : null).ToArray();
        return Match(kind, headers.Select(ColumnSpec.Normalize).ToArray(), mapped).Missing;
    }

    private static (UploadKind Kind, Dictionary<ColumnSpec, int> Indexes, List<string> Missing) Match(UploadKind kind, string[] normalized,
        string?[] mapped)
    {
        var indexes = new Dictionary<ColumnSpec, int>();
        foreach (var column in FileSchemas.For(kind))
        {
            var index = Array.IndexOf(mapped, ColumnSpec.Normalize(column.Name));
            // A header the mapping gives to another column is not taken by this one's name or aliases.
            if (index < 0)
                index = column.IndexIn(normalized.Select((header, i) => mapped[i] is null ? header : "").ToArray());
            if (index >= 0)
                indexes[column] = index;
        }
        var missing = FileSchemas.For(kind)
            .Where(c => c.Required && !indexes.ContainsKey(c) && !(c.DerivableFrom is { } source && indexes.ContainsKey(source)))
            .Select(c => c.Name)
            .ToList();
        return (kind, indexes, missing);
    }
}
