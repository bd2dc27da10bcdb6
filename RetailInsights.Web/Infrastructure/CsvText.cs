namespace RetailInsights.Web.Infrastructure;

/// <summary>
/// Fields for CSV downloads: RFC 4180 quoting, and a leading apostrophe on values a spreadsheet would run as a
/// formula (=, +, -, @), since exported files are opened in Excel.
/// </summary>
public static class CsvText
{
    public static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Row(params string?[] fields) => string.Join(',', fields.Select(Field));
}
