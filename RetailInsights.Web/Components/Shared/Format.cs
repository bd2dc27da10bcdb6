using System.Globalization;

namespace RetailInsights.Web.Components.Shared;

/// <summary>How numbers read on every page: grouped, invariant, no currency symbol (files carry no currency).</summary>
public static class Format
{
    public static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Timestamp(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
}
