using System.Globalization;

namespace RetailInsights.Core.Ingestion;

/// <summary>Parses the values of real exports: decimal commas, float-written ids, and several date forms.</summary>
public static class ValueParsers
{
    private static readonly string[] IsoForms =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
        "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz",
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

    /// <param name="localZone">The shops' zone: a value written with an offset is brought to its local time (not to UTC).</param>
    public static bool TryParseDate(string text, DateOrder order, out DateTime value, TimeZoneInfo? localZone = null)
    {
        var trimmed = text.Trim();
        if (TryParseNumericDate(trimmed, order, out value))
            return true;
        // Store systems write local shop time; a value with an offset is brought to UTC. Either way the result is a
        // plain timestamp (Kind Unspecified), as the database column is.
        var styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        var forms = trimmed.Length >= 10 && trimmed[4] == '-' ? IsoForms : order == DateOrder.DayFirst ? DayFirstForms : MonthFirstForms;
        var parsed = DateTime.TryParseExact(trimmed, forms, CultureInfo.InvariantCulture, styles, out value);
        if (parsed && localZone is not null && HasOffset(trimmed))
            value = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), localZone);
        value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        return parsed;
    }

    /// <summary>
    /// The forms nearly every file uses — <c>yyyy-MM-dd[ HH:mm[:ss]]</c> and <c>M/d/yyyy[ H:mm[:ss]]</c> (or d/M) —
    /// read digit by digit: culture-aware exact parsing spent most of a file's reading time comparing format text.
    /// Accepts exactly what the matching exact forms accept and gives the same value; anything else (fractions,
    /// offsets, AM/PM, two-digit years, dotted dates, impossible days) is left to them.
    /// </summary>
    private static bool TryParseNumericDate(ReadOnlySpan<char> text, DateOrder order, out DateTime value)
    {
        value = default;
        int year, month, day, next;
        if (text.Length >= 10 && text[4] == '-')
        {
            if (text[7] != '-' || !Digits(text, 0, 4, out year) || !Digits(text, 5, 2, out month) || !Digits(text, 8, 2, out day))
                return false;
            next = 10;
            if (next < text.Length && text[next] is not (' ' or 'T'))
                return false;
        }
        else
        {
            var first = DigitRun(text, 0);
            if (first is < 1 or > 2 || first >= text.Length || text[first] != '/')
                return false;
            var second = DigitRun(text, first + 1);
            if (second is < 1 or > 2 || first + 1 + second >= text.Length || text[first + 1 + second] != '/')
                return false;
            var yearAt = first + second + 2;
            if (DigitRun(text, yearAt) != 4)
                return false;
            Digits(text, 0, first, out var a);
            Digits(text, first + 1, second, out var b);
            Digits(text, yearAt, 4, out year);
            (month, day) = order == DateOrder.DayFirst ? (b, a) : (a, b);
            next = yearAt + 4;
            if (next < text.Length && text[next] != ' ')
                return false;
        }
        int hour = 0, minute = 0, second2 = 0;
        if (next < text.Length)
        {
            // " HH:mm[:ss]" after ISO dates; " H:mm[:ss]" (one or two hour digits) after slashed ones.
            var hourDigits = DigitRun(text, next + 1);
            var isoHours = text[4] == '-';
            if ((isoHours ? hourDigits != 2 : hourDigits is < 1 or > 2) || !Digits(text, next + 1, hourDigits, out hour))
                return false;
            var at = next + 1 + hourDigits;
            if (at + 3 > text.Length || text[at] != ':' || !Digits(text, at + 1, 2, out minute))
                return false;
            at += 3;
            if (at < text.Length && (at + 3 != text.Length || text[at] != ':' || !Digits(text, at + 1, 2, out second2)))
                return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second2 > 59)
            return false;
        value = new DateTime(year, month, day, hour, minute, second2, DateTimeKind.Unspecified);
        return true;
    }

    // Only ISO forms carry an offset: "Z", or a sign after the date's own hyphens.
    private static bool HasOffset(string iso) =>
        iso.Length > 16 && iso[4] == '-' && (iso[^1] is 'Z' or 'z' || iso.IndexOf('+', 10) > 0 || iso.IndexOf('-', 10) > 0);

    private static int DigitRun(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        return end - start;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int number)
    {
        number = 0;
        if (start + count > text.Length)
            return false;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
                return false;
            number = number * 10 + (text[i] - '0');
        }
        return true;
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
