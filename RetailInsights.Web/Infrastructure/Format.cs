using System.Globalization;

namespace RetailInsights.Web.Infrastructure;

/// <summary>How numbers read on every page, in every download and in the commands: grouped, invariant, no currency symbol (files carry no currency).</summary>
public static class Format
{
    /// <summary>Whole amounts (rupiah have no cents) without decimals; amounts with cents keep two.</summary>
    public static string Money(decimal value) =>
        value.ToString(value == decimal.Truncate(value) ? "N0" : "N2", CultureInfo.InvariantCulture);

    /// <summary>Headline figures that must fit a card: 3.97 B, 332.9 M, 45,121.</summary>
    public static string CompactMoney(decimal value) => Math.Abs(value) switch
    {
        >= 1_000_000_000m => (value / 1_000_000_000m).ToString("0.00", CultureInfo.InvariantCulture) + " B",
        >= 1_000_000m => (value / 1_000_000m).ToString("0.0", CultureInfo.InvariantCulture) + " M",
        _ => Money(value),
    };

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Timestamp(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
}
