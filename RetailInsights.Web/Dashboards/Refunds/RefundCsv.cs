using System.Globalization;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Dashboards.Refunds;

/// <summary>
/// The figures beside each chart as CSV, with plain invariant numbers (no grouping) and the rate as a fraction, so a
/// spreadsheet reads them as numbers. The tables are small (a breakdown's rows, the days of the range, 20 refunds), so
/// the page hands them over as a data: link rather than through an endpoint of their own.
/// </summary>
public static class RefundCsv
{
    public static string Breakdown(string keyHeader, RateBreakdown breakdown) => Lines(
        CsvText.Row(keyHeader, "Name", "Refunds", "Refunded", "Sold", "RefundRate"),
        breakdown.Rows.Select(r => CsvText.Row(r.Key, r.Label, Number(r.Totals.Refunds), Number(r.Totals.Refunded), Number(r.Totals.Sold),
            Rate(r.Totals.Rate))));

    public static string Days(RefundHeadline headline) => Lines(
        CsvText.Row("Day", "Refunds", "Refunded", "Sold", "RefundRate"),
        headline.Days.Select(d => CsvText.Row(d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(d.Totals.Refunds),
            Number(d.Totals.Refunded), Number(d.Totals.Sold), Rate(d.Totals.Rate))));

    public static string Largest(IEnumerable<LargeRefund> refunds) => Lines(
        CsvText.Row("RefundedAt", "Refund", "Invoice", "StockCode", "Product", "Store", "Reason", "Quantity", "Amount"),
        refunds.Select(r => CsvText.Row(r.RefundedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.RefundCode, r.Invoice,
            r.StockCode, r.Product, r.StoreCode, RefundRates.ReasonName(r.Reason), Number(r.Quantity), Number(r.Amount))));

    public static string DataUri(string csv) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(csv);

    private static string Lines(string header, IEnumerable<string> rows) => string.Join("\r\n", rows.Prepend(header)) + "\r\n";

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double? rate) => rate?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
}
