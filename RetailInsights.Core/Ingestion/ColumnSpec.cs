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

    /// <summary>
    /// A required column a file may leave out when it has this other one, from which the validator derives it (a line
    /// total without quantity and unit price, as live events send it, is one item at that price).
    /// </summary>
    public ColumnSpec? DerivableFrom { get; init; }

    /// <summary>
    /// The name alone: equal columns have equal names, and a lookup by column — several per field of every line read —
    /// then hashes one short string instead of the aliases and the column it derives from.
    /// </summary>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public bool Matches(string normalizedHeader) =>
        Normalize(Name) == normalizedHeader || Aliases.Any(a => Normalize(a) == normalizedHeader);

    /// <summary>
    /// Where the column sits among normalized headers, or -1: its own name first, then its aliases in order, so a record
    /// with both <c>invoice</c> and <c>transaction_id</c> reads the invoice.
    /// </summary>
    public int IndexIn(IReadOnlyList<string> normalizedHeaders)
    {
        foreach (var spelling in Aliases.Prepend(Name))
        {
            var normalized = Normalize(spelling);
            for (var i = 0; i < normalizedHeaders.Count; i++)
                if (normalizedHeaders[i] == normalized)
                    return i;
        }
        return -1;
    }
}
