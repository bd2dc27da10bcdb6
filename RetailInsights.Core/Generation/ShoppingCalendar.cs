namespace RetailInsights.Core.Generation;

/// <summary>When shoppers come: busier weekends, and morning, lunch and after-work peaks between 7:00 and 22:00.</summary>
internal static class ShoppingCalendar
{
    public const int OpeningHour = 7;
    public const int ClosingHour = 22;

    // Mean 1 over a week, so InvoicesPerDay stays the average; with the noise each day stays within ±13% of it.
    private static readonly double[] WeekdayFactor = [1.07, 0.9525, 0.9525, 0.9525, 0.9525, 1.02, 1.10]; // Sunday first

    private static readonly WeightedPicker HourPicker = new(
        [3.0, 6.0, 5.0, 4.0, 5.0, 7.5, 6.0, 4.0, 4.0, 5.0, 7.0, 8.5, 7.5, 5.0, 2.5]); // 7:00 … 21:00

    public static int InvoiceCount(DateOnly day, int invoicesPerDay, Random random)
    {
        var noise = 0.98 + 0.04 * random.NextDouble();
        return Math.Max(1, (int)Math.Round(invoicesPerDay * WeekdayFactor[(int)day.DayOfWeek] * noise));
    }

    /// <summary>Seconds after midnight of a sale, within opening hours.</summary>
    public static int SaleSecondOfDay(Random random) =>
        (OpeningHour + HourPicker.Pick(random)) * 3600 + random.Next(3600);
}
