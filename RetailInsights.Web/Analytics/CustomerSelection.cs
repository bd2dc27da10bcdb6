using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using RetailInsights.Core.Segmentation;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// Which of a run's customers a list or a campaign download holds: a segment, a cluster, a cell of the segment grid,
/// a move (in <see cref="Segment"/> now, in <see cref="PreviousSegment"/> in the previous run, <see cref="NotScoredBefore"/>
/// for customers that run did not score), and a part of the customer code. The same selection, in the same SQL, for
/// the page's grid and the download (<c>?segment=…&amp;cluster=…&amp;r=…&amp;fm=…&amp;previous=…&amp;search=…</c>).
/// </summary>
public sealed record CustomerSelection
{
    public const string NotScoredBefore = "";
    private const string NewInQuery = "new";
    public const int MaxSearchLength = 64;

    public string? Segment { get; init; }
    public int? Cluster { get; init; }
    public int? R { get; init; }
    public int? FM { get; init; }
    public string? PreviousSegment { get; init; }
    public string? Search { get; init; }

    public static readonly CustomerSelection All = new();

    public bool IsAll => this == All;

    /// <summary>The selection a query string names, or why it names none (an unknown segment, a score out of range).</summary>
    public static (CustomerSelection? Selection, string? Error) Parse(IReadOnlyDictionary<string, StringValues> query)
    {
        string? Text(string key) => query.TryGetValue(key, out var v) && v is [{ Length: > 0 } value] ? value.Trim() : null;
        int? Number(string key, int min, int max, ref string? error)
        {
            if (Text(key) is not { } text)
                return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            error ??= $"'{key}' must be a whole number from {min} to {max}.";
            return null;
        }
        string? error = null;
        var selection = new CustomerSelection
        {
            Segment = Text("segment"),
            Cluster = Number("cluster", Core.Clustering.CustomerClusterer.OutlierCluster, 99, ref error),
            R = Number("r", 1, 5, ref error),
            FM = Number("fm", 1, 5, ref error),
            PreviousSegment = Text("previous") is { } previous ? previous == NewInQuery ? NotScoredBefore : previous : null,
            Search = Text("search"),
        };
        error ??= CheckSegment("segment", selection.Segment) ?? (selection.PreviousSegment is NotScoredBefore ? null : CheckSegment("previous", selection.PreviousSegment));
        if (selection.Search is { Length: > MaxSearchLength })
            error ??= $"'search' is longer than {MaxSearchLength} characters.";
        return error is null ? (selection, null) : (null, error);
    }

    public static (CustomerSelection? Selection, string? Error) Parse(string queryString) =>
        Parse(QueryHelpers.ParseQuery(queryString).ToDictionary(p => p.Key, p => p.Value));

    private static string? CheckSegment(string key, string? name) =>
        name is null || RfmSegmentRules.Table.Any(s => s.Name == name)
            ? null
            : $"There is no segment '{name}' ({key}). Segments: {string.Join(", ", RfmSegmentRules.Table.Select(s => s.Name))}.";

    /// <summary>The query string of this selection, empty for all customers.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (value is not null)
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("segment", Segment);
        Add("cluster", Cluster?.ToString(CultureInfo.InvariantCulture));
        Add("r", R?.ToString(CultureInfo.InvariantCulture));
        Add("fm", FM?.ToString(CultureInfo.InvariantCulture));
        Add("previous", PreviousSegment is NotScoredBefore ? NewInQuery : PreviousSegment);
        Add("search", Search);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>
    /// FROM and WHERE over the run's customers <c>c</c> (parameter <c>@run</c>). A move joins the previous run's
    /// customers through their primary key, from the run the stored moves were counted against.
    /// </summary>
    /// <param name="withValues">Joins the customers' predicted values as <c>v</c> (none when the run could not fit them).</param>
    public (string Sql, List<(string Name, object Value)> Parameters) FromWhere(long runId, bool withValues = false)
    {
        var parameters = new List<(string, object)> { ("run", runId) };
        var from = withValues
            ? "run_customers c\nLEFT JOIN run_customer_values v ON v.run_id = c.run_id AND v.customer_code = c.customer_code"
            : "run_customers c";
        var where = new List<string> { "c.run_id = @run" };
        void Condition(string sql, string name, object? value)
        {
            if (value is null)
                return;
            where.Add(sql);
            parameters.Add((name, value));
        }
        Condition("c.segment = @segment", "segment", Segment);
        Condition("c.cluster = @cluster", "cluster", Cluster);
        Condition("c.r = @r", "r", R is { } r ? (short)r : null);
        Condition("(c.f + c.m + 1) / 2 = @fm", "fm", FM);
        Condition("strpos(lower(c.customer_code), lower(@search)) > 0", "search", Search);
        if (PreviousSegment is { } previous)
        {
            from += """

                LEFT JOIN run_customers p ON p.customer_code = c.customer_code
                    AND p.run_id = (SELECT min(previous_run_id) FROM run_segment_moves WHERE run_id = @run)
                """;
            where.Add(previous == NotScoredBefore ? "p.customer_code IS NULL" : "p.segment = @previous");
            if (previous != NotScoredBefore)
                parameters.Add(("previous", previous));
        }
        return ($"FROM {from}\nWHERE {string.Join(" AND ", where)}", parameters);
    }
}
