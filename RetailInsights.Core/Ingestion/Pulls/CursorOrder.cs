using System.Globalization;

namespace RetailInsights.Core.Ingestion.Pulls;

/// <summary>
/// How cursor values compare: as numbers when both are numbers (ids), as instants when both are ISO 8601 times
/// (a time without an offset is taken as UTC), otherwise as text, so "10" follows "9" and "…T09:00+02:00" precedes
/// "…T08:00Z".
/// </summary>
public static class CursorOrder
{
    public static int Compare(string a, string b)
    {
        if (Number(a) is { } x && Number(b) is { } y)
            return x.CompareTo(y);
        if (Instant(a) is { } s && Instant(b) is { } t)
            return s.CompareTo(t);
        return string.CompareOrdinal(a, b);
    }

    /// <summary>The later of two values; null stands for "nothing yet".</summary>
    public static string? Max(string? a, string? b) => a is null ? b : b is null ? a : Compare(a, b) >= 0 ? a : b;

    private static decimal? Number(string value) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateTimeOffset? Instant(string value) =>
        value.Length >= 10 && value[4] == '-' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
