using System.Globalization;

namespace RetailInsights.Web.Analytics;

/// <summary>A cron expression as people read it: "daily at 02:00", "every 5 minutes", or the expression itself.</summary>
public static class ScheduleText
{
    public static string Describe(string cron)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5 || parts[2..].Any(p => p != "*"))
            return $"on the schedule \"{cron}\"";
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) && minute < 60
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour < 24)
            return $"daily at {hour:00}:{minute:00}";
        if (parts[1] == "*" && parts[0].StartsWith("*/", StringComparison.Ordinal)
            && int.TryParse(parts[0][2..], NumberStyles.None, CultureInfo.InvariantCulture, out var every) && every > 0)
            return every == 1 ? "every minute" : $"every {every} minutes";
        return $"on the schedule \"{cron}\"";
    }
}
