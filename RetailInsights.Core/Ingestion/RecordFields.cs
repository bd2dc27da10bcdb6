using RetailInsights.Core.Ingestion.Formats;

namespace RetailInsights.Core.Ingestion;

/// <summary>
/// One record's values by column, as trimmed strings ("" for a column the record lacks): what the validators read,
/// whatever the record came from — a CSV line, a JSON object, a live event.
/// </summary>
public interface IRecordFields
{
    string this[ColumnSpec column] { get; }

    /// <summary>Whether the source carries the column at all (an optional column may be absent).</summary>
    bool Has(ColumnSpec column);

    /// <summary>Numbers are written with a decimal comma (semicolon-separated files).</summary>
    bool DecimalComma { get; }
}

/// <summary>The current record of a file's record table, through its header map.</summary>
internal readonly struct RecordFields(IRecordTable table, HeaderMap map, bool decimalComma, SpellingFallbacks? fallbacks = null)
    : IRecordFields
{
    public bool DecimalComma => decimalComma;

    public string this[ColumnSpec column]
    {
        get
        {
            var index = Carried(column);
            return index < 0 || index >= table.FieldCount ? "" : table.Field(index).Trim();
        }
    }

    public bool Has(ColumnSpec column) => Carried(column) is >= 0 and var index && table.Carries(index);

    // A JSON record that leaves out the mapped key may carry the column under another of its spellings (an event's
    // invoice defaults to its transaction_id).
    private int Carried(ColumnSpec column)
    {
        var index = map[column];
        if (index < 0 || fallbacks is null || table.Carries(index))
            return index;
        foreach (var other in fallbacks.For(column))
            if (table.Carries(other))
                return other;
        return index;
    }
}

/// <summary>A record given as values by column name (the columns' canonical names, e.g. "InvoiceDate").</summary>
public sealed class NamedRecordFields(IReadOnlyDictionary<string, string?> values, bool decimalComma = false) : IRecordFields
{
    public string this[ColumnSpec column] => values.GetValueOrDefault(column.Name)?.Trim() ?? "";

    public bool Has(ColumnSpec column) => values.ContainsKey(column.Name);

    public bool DecimalComma => decimalComma;
}
