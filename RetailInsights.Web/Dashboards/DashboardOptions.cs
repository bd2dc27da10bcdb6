namespace RetailInsights.Web.Dashboards;

/// <summary>How long a dashboard's query may run before its card says so (section "Dashboards").</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboards";

    public int QueryTimeoutSeconds { get; set; } = 10;
}
