using RetailInsights.Web.Analytics;

namespace RetailInsights.Web.Dashboards.Segments;

/// <summary>
/// A page of the customer list, paged, sorted and filtered in SQL, sorted by a whitelisted column only. In the default
/// order (spend, highest first) the page is read from the run's end of an index by spend (by segment and spend when a
/// segment is chosen): <c>offset + size</c> entries. Other orders and filters read the selection's rows of the run
/// and keep the top <c>offset + size</c> by a bounded sort, so their cost grows with the customers the selection
/// holds (a move adds a primary-key lookup per row into the previous run), never with lines, days, stores or products.
/// The page's rows alone look up their segment in the previous run. The total comes from what the run stored for
/// segments, cells, clusters and moves (one row); only a search or combined filters count the selection.
/// </summary>
public sealed class CustomerListQuery(DashboardDatabase database)
{
    public const int MaxPageSize = 100;

    /// <summary>The sortable columns, by the grid's property names: nothing else reaches ORDER BY.</summary>
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        [nameof(CustomerRow.Code)] = "c.customer_code",
        [nameof(CustomerRow.Segment)] = "c.segment",
        [nameof(CustomerRow.RecencyDays)] = "c.recency_days",
        [nameof(CustomerRow.Frequency)] = "c.frequency",
        [nameof(CustomerRow.Monetary)] = "c.monetary",
        [nameof(CustomerRow.R)] = "c.r",
        [nameof(CustomerRow.F)] = "c.f",
        [nameof(CustomerRow.M)] = "c.m",
        [nameof(CustomerRow.Cluster)] = "c.cluster",
    };

    /// <summary>Biggest spenders first unless the grid asks otherwise; the code breaks ties so pages never overlap.</summary>
    public static string OrderBy(string? column, bool descending) =>
        column is not null && SortColumns.TryGetValue(column, out var sql)
            ? $"{sql} {(descending ? "DESC" : "ASC")}, c.customer_code"
            : "c.monetary DESC, c.customer_code";

    public async Task<CustomerRows> PageAsync(long runId, CustomerSelection selection, string? sortColumn, bool descending, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var offset = Math.Max(0, page) * pageSize;
        var (fromWhere, parameters) = selection.FromWhere(runId);
        var order = OrderBy(sortColumn, descending);
        var rows = await database.ListAsync($"""
            SELECT page.*, before.segment FROM (
                SELECT c.customer_code, c.segment, c.recency_days, c.frequency, c.monetary, c.r, c.f, c.m, c.cluster
                {fromWhere}
                ORDER BY {order}
                LIMIT {pageSize} OFFSET {offset}) page
            LEFT JOIN run_customers before ON before.customer_code = page.customer_code
                AND before.run_id = (SELECT min(previous_run_id) FROM run_segment_moves WHERE run_id = @run)
            ORDER BY {order.Replace("c.", "page.", StringComparison.Ordinal)}
            """, null, r => new CustomerRow(r.GetString(0), r.GetString(1), r.IsDBNull(9) ? null : r.GetString(9),
                r.GetInt32(2), r.GetInt32(3), r.GetDecimal(4), r.GetInt16(5), r.GetInt16(6), r.GetInt16(7), r.GetInt32(8)),
            cancellationToken, [.. parameters]);
        var (countSql, countParameters) = StoredCount(runId, selection) ?? ($"SELECT count(*) {fromWhere}", parameters);
        var total = await database.ScalarAsync<long>(countSql, null, cancellationToken, [.. countParameters]);
        return new CustomerRows(rows, (int)total);
    }

    /// <summary>
    /// The count of a selection that a run stored already: a segment or cell (its grid cells), a cluster (its size),
    /// a move (its count). Null when only counting the customers will do (a search, or filters combined).
    /// </summary>
    internal static (string Sql, List<(string Name, object Value)> Parameters)? StoredCount(long runId, CustomerSelection selection)
    {
        var parameters = new List<(string Name, object Value)> { ("run", runId) };
        string Where(string sql, string name, object? value)
        {
            if (value is null)
                return "";
            parameters.Add((name, value));
            return $" AND {sql}";
        }
        return selection switch
        {
            { Search: null, Cluster: null, PreviousSegment: null } =>
                ($"SELECT coalesce(sum(customers), 0) FROM run_segment_cells WHERE run_id = @run{Where("segment = @segment", "segment", selection.Segment)}"
                 + $"{Where("r = @r", "r", (short?)selection.R)}{Where("fm = @fm", "fm", (short?)selection.FM)}", parameters),
            { Search: null, Cluster: { } cluster, Segment: null, R: null, FM: null, PreviousSegment: null } =>
                ($"SELECT coalesce(sum(size), 0) FROM run_clusters WHERE run_id = @run{Where("cluster = @cluster", "cluster", cluster)}", parameters),
            { Search: null, Cluster: null, R: null, FM: null, PreviousSegment: { } previous } =>
                ($"SELECT coalesce(sum(customers), 0) FROM run_segment_moves WHERE run_id = @run{Where("from_segment = @previous", "previous", previous)}"
                 + $"{Where("to_segment = @segment", "segment", selection.Segment)}", parameters),
            _ => null,
        };
    }
}
