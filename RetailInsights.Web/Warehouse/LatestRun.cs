using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Warehouse;

/// <summary>
/// The analytics run whose results pages and exports show: the latest that succeeded, since a failed run leaves the
/// previous results in place. Every query of the succeeded runs, in SQL or through EF, starts from these.
/// </summary>
public static class LatestRun
{
    /// <summary>The runs that succeeded, all of <c>analysis_runs</c>' columns.</summary>
    public const string Succeeded = $"SELECT * FROM analysis_runs WHERE status = '{AnalysisRunStatuses.Succeeded}'";

    /// <summary>The latest run that succeeded: one row, or none before the first.</summary>
    public const string Sql = $"{Succeeded} ORDER BY run_id DESC LIMIT 1";

    /// <summary>The latest <paramref name="count"/> succeeded runs that meet a condition, latest first.</summary>
    /// <param name="condition">A condition on <c>analysis_runs</c>' columns, such as <c>run_id &lt; @run</c>.</param>
    public static string Where(string condition, int count = 1) => $"{Succeeded} AND {condition} ORDER BY run_id DESC LIMIT {count}";
}
