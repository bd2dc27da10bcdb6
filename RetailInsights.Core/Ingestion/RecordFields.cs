using CsvHelper;

namespace RetailInsights.Core.Ingestion;

/// <summary>The current record's fields by column, as trimmed strings ("" for an absent optional column).</summary>
internal readonly struct RecordFields(CsvReader reader, HeaderMap map, bool decimalComma)
{
    public bool DecimalComma => decimalComma;

    public string this[ColumnSpec column]
    {
        get
        {
            var index = map[column];
            return index < 0 || index >= reader.FieldCount ? "" : reader.GetString(index).Trim();
        }
    }

    public bool Has(ColumnSpec column) => map[column] >= 0;
}
