using System.Globalization;

namespace RetailInsights.Web.Dashboards.Refunds;

/// <summary>
/// The refund rate: what was refunded in some days ÷ what was sold (gross) in the same days, for the same stores and
/// products. A refund may be of something sold before the range, so a rate can exceed 100%, and a product refunded in
/// days it did not sell has no rate at all (not an infinite one): it is listed with its amount and left off the bars.
/// </summary>
public static class RefundRates
{
    public static double? Of(decimal refunded, decimal sold) => sold > 0 ? (double)(refunded / sold) : null;

    /// <summary>Rates are small shares (a few percent): two decimals tell products apart.</summary>
    public static string Text(double? rate) => rate is { } value ? value.ToString("0.00%", CultureInfo.InvariantCulture) : "no sales";

    /// <summary>How a rate moved, in percentage points (a rate going from 2% to 3% went up 1 point, not 50%).</summary>
    public static string PointsChange(double? current, double? previous) => (current, previous) switch
    {
        ({ } now, { } before) when Math.Round((now - before) * 100, 2) == 0 => "no change in points",
        ({ } now, { } before) => $"{(now > before ? "▲" : "▼")} {Math.Abs((now - before) * 100).ToString("0.00", CultureInfo.InvariantCulture)} pts",
        _ => "nothing sold to compare with",
    };

    /// <summary>The rows that have a rate, highest first (ties by label): what the bars show.</summary>
    public static IReadOnlyList<RateRow> Charted(IEnumerable<RateRow> rows) =>
        rows.Where(r => r.Totals.Rate is not null).OrderByDescending(r => r.Totals.Rate).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();

    /// <summary>Every day of the range, with nothing for the days that had neither sales nor refunds.</summary>
    public static IReadOnlyList<RateDay> Days(DateOnly from, DateOnly to, IReadOnlyDictionary<DateOnly, RefundTotals> byDay) =>
        Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i))
            .Select(day => new RateDay(day, byDay.GetValueOrDefault(day) ?? RefundTotals.None)).ToList();

    /// <summary>The sum of the days between two dates (inclusive).</summary>
    public static RefundTotals Sum(IReadOnlyDictionary<DateOnly, RefundTotals> byDay, DateOnly from, DateOnly to) =>
        byDay.Where(d => d.Key >= from && d.Key <= to).Aggregate(RefundTotals.None, (sum, day) => sum.Plus(day.Value));

    /// <summary>The reason codes in words.</summary>
    public static string ReasonName(string reason) => reason switch
    {
        Core.Domain.RefundReasons.Defective => "Defective",
        Core.Domain.RefundReasons.WrongItem => "Wrong item",
        Core.Domain.RefundReasons.NotAsDescribed => "Not as described",
        Core.Domain.RefundReasons.ChangedMind => "Changed their mind",
        Core.Domain.RefundReasons.DamagedShipping => "Damaged in shipping",
        Core.Domain.RefundReasons.CancelledInvoice => "Cancelled invoice",
        _ => reason.Replace('_', ' '),
    };
}
