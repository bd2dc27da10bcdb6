namespace RetailInsights.Web.Live;

/// <summary>Live point-of-sale events (section "Live").</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Events in one request at most.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>An event this many minutes behind the clock still updates its minute's window; a later one counts in its day, flagged late.</summary>
    public int AllowedLatenessMinutes { get; set; } = 5;

    /// <summary>An event older than this many days is refused (<c>too_old</c>): old days come as files, not as live events.</summary>
    public int MaxEventAgeDays { get; set; } = 2;

    /// <summary>Days the per-minute windows (and the events' ids, against retries) are kept before rolling up to hours.</summary>
    public int KeepMinutesDays { get; set; } = 7;

    /// <summary>Cron of the roll-up of old minutes into hours (default: hourly).</summary>
    public string RollupCron { get; set; } = "41 * * * *";
}
