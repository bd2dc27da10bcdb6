namespace RetailInsights.Core.Ingestion;

/// <summary>A column a file kind reads: its canonical name, the spellings real files use, and whether it must be there.</summary>
public sealed record ColumnSpec(string Name, bool Required, params string[] Aliases)
{
    /// <summary>Case, spaces, underscores and hyphens do not matter: "Customer ID", "customer_id" and "CustomerID" match.</summary>
    public static string Normalize(string header)
    {
        Span<char> buffer = stackalloc char[Math.Min(header.Length, 256)];
        var length = 0;
        foreach (var c in header.AsSpan(0, Math.Min(header.Length, 256)))
            if (char.IsLetterOrDigit(c))
                buffer[length++] = char.ToLowerInvariant(c);
        return new string(buffer[..length]);
    }

    public bool Matches(string normalizedHeader) =>
        Normalize(Name) == normalizedHeader || Aliases.Any(a => Normalize(a) == normalizedHeader);
}
