namespace RetailInsights.Web.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations when the web app starts (the `migrate` command does it on demand).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
