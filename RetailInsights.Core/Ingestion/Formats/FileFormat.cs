namespace RetailInsights.Core.Ingestion.Formats;

/// <summary>How a file's records are written; every format goes through the same header map and validators.</summary>
public enum FileFormat
{
    Csv,

    /// <summary>One JSON array of flat objects.</summary>
    JsonArray,

    /// <summary>One JSON object per line (NDJSON, JSON Lines).</summary>
    JsonLines,

    /// <summary>An Excel workbook (.xlsx): one sheet read as a table.</summary>
    Xlsx,
}
