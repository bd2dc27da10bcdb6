using System.Globalization;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Analytics;

/// <summary>CSV lines of a run's results, the same for the export command and the pages' downloads.</summary>
public static class RunExports
{
    /// <summary>The CSV lines of a run's "segments" (all customers, or those of one segment: a campaign list).</summary>
    public static async Task<IEnumerable<string>> LinesAsync(AnalyticsResults results, AnalysisRun run, string what,
        string? segment, CancellationToken cancellationToken) =>
        Segments((await results.CustomersAsync(run.RunId, cancellationToken)).Where(c => segment is null || c.Segment == segment));

    /// <summary>A run's rules as CSV lines, streamed from the database row by row.</summary>
    public static async IAsyncEnumerable<string> RuleLinesAsync(AnalyticsResults results, long runId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return RulesHeader;
        await foreach (var rule in results.StreamRulesAsync(runId, cancellationToken))
            yield return RuleLine(rule);
    }

    /// <summary>Null when the name is one of the RFM segments; otherwise what to tell the caller.</summary>
    public static string? CheckSegment(string? segment) =>
        segment is null || Core.Segmentation.RfmSegmentRules.Table.Any(s => s.Name == segment)
            ? null
            : $"There is no segment '{segment}'. Segments: {string.Join(", ", Core.Segmentation.RfmSegmentRules.Table.Select(s => s.Name))}.";

    public const string RulesHeader =
        "antecedent,consequent,antecedent_names,consequent_names,support,confidence,lift,leverage,conviction,count,antecedent_count,consequent_count,redundant";

    /// <summary>One rule; "redundant" is true or false, empty for runs stored before rules were assessed.</summary>
    public static string RuleLine(RunRule r) =>
        CsvText.Row(string.Join(' ', r.Antecedent), string.Join(' ', r.Consequent), r.AntecedentNames, r.ConsequentNames,
            N(r.Support), N(r.Confidence), N(r.Lift), N(r.Leverage), double.IsPositiveInfinity(r.Conviction) ? "Inf" : N(r.Conviction),
            I(r.Count), I(r.AntecedentCount), I(r.ConsequentCount), r.IsRedundant switch { true => "true", false => "false", null => "" });

    public static IEnumerable<string> Segments(IEnumerable<RunCustomer> customers)
    {
        yield return "customer_id,recency_days,frequency,monetary,r,f,m,segment,cluster";
        foreach (var c in customers)
            yield return CsvText.Row(c.CustomerCode, I(c.RecencyDays), I(c.Frequency), c.Monetary.ToString(CultureInfo.InvariantCulture),
                I(c.R), I(c.F), I(c.M), c.Segment, I(c.Cluster));
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
