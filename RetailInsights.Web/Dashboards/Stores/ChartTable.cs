using System.Globalization;
using System.Text;
using RetailInsights.Web.Components.Shared;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>
/// The numbers behind a chart, for those who need them: shown as a table (formatted as the page formats them) and
/// downloaded as CSV (plain invariant numbers, ISO days, text guarded against spreadsheet formulas).
/// </summary>
public sealed record ChartTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static string Shown(object? value) => value switch
    {
        null => "—",
        decimal amount => Format.Money(amount),
        long or int => Format.Count(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double number => number.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly day => Format.Date(day),
        _ => value.ToString() ?? "",
    };

    public static bool IsNumber(object? value) => value is decimal or long or int or double;

    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(CsvText.Row([.. Headers])).Append("\r\n");
        foreach (var row in Rows)
            csv.Append(string.Join(',', row.Select(Raw))).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>The CSV as a link the browser downloads (with a byte-order mark, so spreadsheets read it as UTF-8).</summary>
    public string DataUri => "data:text/csv;charset=utf-8," + Uri.EscapeDataString("\uFEFF" + ToCsv());

    private static string Raw(object? value) => value switch
    {
        null => "",
        // Summaries keep three decimals (numeric(18,3)); a file reads better without the trailing zeros.
        decimal amount => amount.ToString("0.############", CultureInfo.InvariantCulture),
        long or int or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => CsvText.Field(value.ToString()),
    };
}
