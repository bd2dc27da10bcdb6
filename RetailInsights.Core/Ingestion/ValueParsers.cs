using System.Globalization;

namespace RetailInsights.Core.Ingestion;

/// <summary>Parses the values of real exports: decimal commas, float-written ids, and several date forms.</summary>
public static class ValueParsers
{
    private static readonly string[] IsoForms =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
    ];

    private static readonly string[] MonthFirstForms = ["M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy", "M/d/yy H:mm", "M/d/yyyy h:mm tt"];
    private static readonly string[] DayFirstForms = ["d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy", "d/M/yy H:mm", "d.M.yyyy H:mm", "d.M.yyyy"];

    /// <summary>A whole number; "12.0" counts (some exports write every number as a float), "1.5" does not.</summary>
    public static bool TryParseQuantity(string text, bool decimalComma, out int quantity)
    {
        quantity = 0;
        if (!TryParseDecimal(text, decimalComma, out var value) || value != decimal.Truncate(value)
            || value is > int.MaxValue or < int.MinValue)
            return false;
        quantity = (int)value;
        return true;
    }

    /// <summary>Invariant numbers; with a <c>;</c> separator a decimal comma (and dots as thousands) too.</summary>
    public static bool TryParseDecimal(string text, bool decimalComma, out decimal value)
    {
        var span = text.AsSpan().Trim();
        if (decimalComma && span.Contains(','))
            span = text.Trim().Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseDate(string text, DateOrder order, out DateTime value)
    {
        var trimmed = text.Trim();
        // Store systems write local shop time; a value with an offset is brought to UTC. Either way the result is a
        // plain timestamp (Kind Unspecified), as the database column is.
        var styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        var forms = trimmed.Length >= 10 && trimmed[4] == '-' ? IsoForms : order == DateOrder.DayFirst ? DayFirstForms : MonthFirstForms;
        var parsed = DateTime.TryParseExact(trimmed, forms, CultureInfo.InvariantCulture, styles, out value);
        value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        return parsed;
    }

    /// <summary>
    /// Tells, from one slashed date, which order it proves: a first part over 12 proves day-first, a second part
    /// over 12 proves month-first; null when the value fits both.
    /// </summary>
    public static DateOrder? ProvenOrder(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var firstSlash = trimmed.IndexOfAny('/', '.');
        if (firstSlash <= 0)
            return null;
        var rest = trimmed[(firstSlash + 1)..];
        var secondSlash = rest.IndexOfAny('/', '.');
        if (secondSlash <= 0)
            return null;
        if (!int.TryParse(trimmed[..firstSlash], out var first) || !int.TryParse(rest[..secondSlash], out var second))
            return null;
        return first > 12 ? DateOrder.DayFirst : second > 12 ? DateOrder.MonthFirst : null;
    }

    /// <summary>Customer ids written as floats by spreadsheets ("13085.0") become "13085"; blanks become null.</summary>
    public static string? NormalizeCustomerId(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return null;
        var dot = trimmed.IndexOf('.');
        return dot > 0 && trimmed.AsSpan(dot + 1).TrimStart('0').IsEmpty && trimmed.AsSpan(0, dot).IndexOfAnyExceptInRange('0', '9') < 0
            ? trimmed[..dot]
            : trimmed;
    }
}
