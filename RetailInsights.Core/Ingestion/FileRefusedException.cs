namespace RetailInsights.Core.Ingestion;

/// <summary>A file that cannot be read at all (empty, binary, unmappable header): refused whole, nothing loaded.</summary>
public sealed class FileRefusedException(string message, Exception? inner = null, IReadOnlyList<string>? missingColumns = null)
    : Exception(message, inner)
{
    /// <summary>For a header that does not map: the required columns no header stands for (a mapping can supply them).</summary>
    public IReadOnlyList<string> MissingColumns { get; } = missingColumns ?? [];
}
