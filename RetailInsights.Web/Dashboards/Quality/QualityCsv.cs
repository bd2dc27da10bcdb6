using System.Globalization;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Dashboards.Quality;

/// <summary>
/// The per-load figures the charts draw, as CSV: one row per load with its counts, accepted share (a fraction), rows
/// per rejection reason and completeness per column (a fraction; empty where the load's kind has no such column).
/// Plain invariant numbers, so a spreadsheet reads them as numbers. At most <see cref="QualityQueries.MaxLoadsCharted"/>
/// loads with a handful of reasons and columns each, so the page hands it over as a data: link.
/// </summary>
public static class QualityCsv
{
    public static string Loads(IReadOnlyList<LoadQuality> loads)
    {
        var reasons = loads.SelectMany(l => l.RejectedByReason.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var columns = loads.SelectMany(l => l.Completeness.Keys.Select(c => (l.Kind, Column: c))).Distinct()
            .OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal).ToList();
        string?[] header =
        [
            "Upload", "File", "Kind", "Status", "Source", "UploadedAtUtc", "RowsRead", "RowsAccepted", "RowsDuplicate", "RowsRejected",
            "AcceptedShare", .. reasons.Select(r => "Rejected:" + r), .. columns.Select(c => $"Complete:{c.Kind}:{c.Column}"),
        ];
        var rows = loads.Select(l => CsvText.Row(
        [
            Number(l.UploadId), l.FileName, l.Kind, l.Status, l.Source, l.UploadedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            Number(l.RowsRead), Number(l.RowsAccepted), Number(l.RowsDuplicate), Number(l.RowsRejected), Share(l.AcceptedShare),
            .. reasons.Select(r => Number(l.RejectedByReason.GetValueOrDefault(r))),
            .. columns.Select(c => c.Kind == l.Kind && l.Completeness.TryGetValue(c.Column, out var share) ? Share(share) : ""),
        ]));
        return string.Join("\r\n", rows.Prepend(CsvText.Row(header))) + "\r\n";
    }

    public static string DataUri(string csv) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(csv);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Share(double? share) => share?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
}
