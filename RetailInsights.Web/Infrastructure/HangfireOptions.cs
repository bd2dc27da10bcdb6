namespace RetailInsights.Web.Infrastructure;

public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    /// <summary>Run background jobs in this process (a second app instance may run the dashboard only).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;
}
