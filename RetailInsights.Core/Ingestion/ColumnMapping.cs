namespace RetailInsights.Core.Ingestion;

/// <summary>
/// How one source system writes its files: which of its header names stands for which canonical column (e.g.
/// <c>sold_at</c> → <c>InvoiceDate</c>), and the conventions its values follow. Names not in <see cref="Columns"/>
/// still match by the usual names and aliases, so a mapping only needs what the aliases do not already cover.
/// </summary>
public sealed record ColumnMapping
{
    /// <summary>Source header name → canonical column name (<see cref="ColumnSpec.Name"/>), compared as <see cref="ColumnSpec.Normalize"/> does.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>How the source writes slashed dates; when set it is taken as the source's fact, not guessed from the file.</summary>
    public DateOrder? DateOrder { get; init; }

    /// <summary>'.' or ','; null to follow the file (a decimal comma in semicolon-separated files).</summary>
    public char? DecimalSeparator { get; init; }

    /// <summary>
    /// The IANA time zone of the source's shops (e.g. Asia/Jakarta). Times written without an offset are already the
    /// shop's local time and are kept as written; a value with an offset is brought to this zone's local time.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>Store for lines of the source's files that carry no store column (or an empty one).</summary>
    public string? DefaultStoreCode { get; init; }

    /// <summary>The canonical column a header stands for under this mapping, or null when the mapping does not name it.</summary>
    public string? CanonicalFor(string header)
    {
        var normalized = ColumnSpec.Normalize(header);
        foreach (var (source, canonical) in Columns)
            if (ColumnSpec.Normalize(source) == normalized)
                return canonical;
        return null;
    }

    /// <summary>The zone of <see cref="TimeZone"/>, or null when none is set.</summary>
    /// <exception cref="ArgumentException">The id names no time zone this machine knows.</exception>
    public TimeZoneInfo? Zone() => TimeZone is { Length: > 0 } id ? FindZone(id) ?? throw new ArgumentException($"Unknown time zone '{id}'.") : null;

    public static TimeZoneInfo? FindZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>Every column name a mapping may point to, across the kinds.</summary>
    public static IReadOnlySet<string> CanonicalNames { get; } = Enum.GetValues<UploadKind>()
        .SelectMany(FileSchemas.For).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical spelling of a column name given in any case or spacing ("invoicedate" → "InvoiceDate"), or null.</summary>
    public static string? Canonical(string name)
    {
        var normalized = ColumnSpec.Normalize(name);
        return CanonicalNames.FirstOrDefault(c => ColumnSpec.Normalize(c) == normalized);
    }
}
