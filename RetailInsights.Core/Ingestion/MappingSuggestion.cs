namespace RetailInsights.Core.Ingestion;

/// <summary>A header of the file and the column it probably stands for (null: none), with the reason in words.</summary>
public sealed record ColumnSuggestion(int Index, string Header, string? Column, string Why);

/// <summary>The suggester's best guess for a whole file: its kind, a column per header, and the conventions its values show.</summary>
public sealed record MappingSuggestion(UploadKind Kind, IReadOnlyList<ColumnSuggestion> Columns, DateOrder? DateOrder, char? DecimalSeparator)
{
    /// <summary>The required columns of the kind no header was given to.</summary>
    public IReadOnlyList<string> Unassigned => FileSchemas.For(Kind)
        .Where(c => c.Required && Columns.All(s => s.Column != c.Name)).Select(c => c.Name).ToList();

    /// <summary>The guess as a mapping of its own (every header that stands for a column, whether or not an alias already covers it).</summary>
    public ColumnMapping ToMapping() => new()
    {
        Columns = Columns.Where(c => c.Column is not null).ToDictionary(c => c.Header, c => c.Column!),
        DateOrder = DateOrder,
        DecimalSeparator = DecimalSeparator,
    };
}
