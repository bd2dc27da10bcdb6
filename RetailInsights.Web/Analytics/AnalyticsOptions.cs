namespace RetailInsights.Web.Analytics;

/// <summary>
/// When runs happen and which days they read (section "Analytics"). The mining thresholds and caps are
/// <see cref="Core.Mining.MiningOptions"/>, bound from the same section.
/// </summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>The customer-value models' settings (<see cref="Core.CustomerValue.CustomerValueOptions"/>).</summary>
    public const string CustomerValueSection = "Analytics:CustomerValue";

    /// <summary>When the daily run starts (cron, server time): default 02:00.</summary>
    public string Cron { get; set; } = "0 2 * * *";

    /// <summary>Days of baskets mined, ending the day before the as-of date.</summary>
    public int WindowDays { get; set; } = 365;

    /// <summary>Delay before the run that follows uploads, so a batch of files lands before it starts.</summary>
    public int AfterUploadDelaySeconds { get; set; } = 120;
}
