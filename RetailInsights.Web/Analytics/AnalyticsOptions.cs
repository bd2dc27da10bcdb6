namespace RetailInsights.Web.Analytics;

public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>When the daily run starts (cron, server time): default 02:00.</summary>
    public string Cron { get; set; } = "0 2 * * *";

    public double MinSupport { get; set; } = 0.005;

    public double MinConfidence { get; set; } = 0.05;

    /// <summary>Days of baskets mined, ending the day before the as-of date.</summary>
    public int WindowDays { get; set; } = 365;

    /// <summary>Caps that stop a too-low support with a clear message instead of exhausting the server.</summary>
    public long MaxItemsets { get; set; } = 2_000_000;

    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Delay before the run that follows uploads, so a batch of files lands before it starts.</summary>
    public int AfterUploadDelaySeconds { get; set; } = 120;
}
