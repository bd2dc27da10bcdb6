using Npgsql;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards.Baskets;

/// <summary>
/// The rule explorer's reads of a run's stored rules (run_rules, run_rule_products), never the facts. Rule numbers
/// follow lift, then confidence, descending (<see cref="Analytics.RunRuleRows"/>), so "top by lift" is an index range
/// of the primary key (run_id, rule_no) that stops after the rows shown; a product's rules come from the GIN indexes
/// over (run_id, antecedent) and (run_id, consequent), reading only the rules that name it. Costs, for a run of R
/// rules of which P name the product: a grid page in lift order, the scatter and the lift range read what they show;
/// the counts and a grid page in another order read the run's R rules (or P with a product) once, sorting top-N in
/// memory; "bought with" reads P; a rule's detail reads two rows by key and one GIN probe per earlier run shown;
/// product search reads the run's products (one row per product its rules name).
/// </summary>
public sealed class RuleQueries(DashboardDatabase database)
{
    public const int ScatterPoints = 1_000;
    public const int ProductRulesShown = 10;
    public const int HistoryRuns = 12;
    public const int MaxPageSize = 100;
    public const int ProductsOffered = 20;

    private const string Columns = """
        r.run_id, r.rule_no, r.antecedent, r.consequent, r.antecedent_names, r.consequent_names, r.support, r.confidence,
        r.lift, r.leverage, r.conviction, r.count, r.antecedent_count, r.consequent_count, r.is_redundant, r.general_rule_no
        """;

    // What the grid may sort by; lift descending is the stored rule order.
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.Ordinal)
    {
        [nameof(RunRule.Support)] = "r.support",
        [nameof(RunRule.Confidence)] = "r.confidence",
        [nameof(RunRule.Leverage)] = "r.leverage",
        [nameof(RunRule.Conviction)] = "r.conviction",
        [nameof(RunRule.Count)] = "r.count",
    };

    public async Task<RuleCounts> CountsAsync(long runId, RuleView view, CancellationToken cancellationToken)
    {
        var counts = await database.ListAsync($"""
            SELECT count(*) FILTER (WHERE r.is_redundant IS NOT TRUE OR @show), count(*) FILTER (WHERE r.is_redundant AND NOT @show),
                   bool_or(r.is_redundant IS NULL)
            FROM run_rules r WHERE {Thresholds(view)}
            """, null, r => (Shown: r.GetInt64(0), Hidden: r.GetInt64(1), Unassessed: !r.IsDBNull(2) && r.GetBoolean(2)), cancellationToken,
            Parameters(runId, view, ("show", view.ShowRedundant)));
        var (shown, hidden, unassessed) = counts.Single();
        return new RuleCounts(shown, unassessed ? null : hidden);
    }

    /// <summary>The lift of the run's first and last rule: its highest and lowest.</summary>
    public async Task<LiftRange?> LiftRangeAsync(long runId, CancellationToken cancellationToken)
    {
        var ends = await database.ListAsync("""
            (SELECT lift FROM run_rules WHERE run_id = @run ORDER BY rule_no LIMIT 1)
            UNION ALL (SELECT lift FROM run_rules WHERE run_id = @run ORDER BY rule_no DESC LIMIT 1)
            """, null, r => r.GetDouble(0), cancellationToken, ("run", runId));
        return ends.Count == 2 ? new LiftRange(ends[1], ends[0]) : null;
    }

    /// <summary>One page of the view's rules in the order asked for (the grid's total is <see cref="CountsAsync"/>'s).</summary>
    public Task<List<RunRule>> PageAsync(long runId, RuleView view, RuleSort? sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var order = sort is not null && SortColumns.TryGetValue(sort.Column, out var column)
            ? $"{column} {(sort.Descending ? "DESC" : "ASC")}, r.rule_no"
            : sort is { Column: nameof(RunRule.Lift), Descending: false } ? "r.rule_no DESC" : "r.rule_no";
        return database.ListAsync($"""
            SELECT {Columns} FROM run_rules r WHERE {Thresholds(view)} {Redundancy(view)}
            ORDER BY {order} LIMIT @limit OFFSET @offset
            """, null, Read, cancellationToken,
            Parameters(runId, view, ("limit", pageSize), ("offset", (long)Math.Max(0, page) * pageSize)));
    }

    /// <summary>The view's rules with the highest lift, for the scatter.</summary>
    public Task<List<RunRule>> TopByLiftAsync(long runId, RuleView view, CancellationToken cancellationToken) => database.ListAsync($"""
        SELECT {Columns} FROM run_rules r WHERE {Thresholds(view)} {Redundancy(view)} ORDER BY r.rule_no LIMIT {ScatterPoints}
        """, null, Read, cancellationToken, Parameters(runId, view));

    /// <summary>Products the run's rules name whose code or name holds the text, those in most rules first.</summary>
    public Task<List<RuleProduct>> ProductsAsync(long runId, string? text, CancellationToken cancellationToken) => database.ListAsync($"""
        SELECT stock_code, name, antecedent_rules, consequent_rules FROM run_rule_products
        WHERE run_id = @run AND (stock_code ILIKE @pattern OR name ILIKE @pattern)
        ORDER BY antecedent_rules + consequent_rules DESC, name, stock_code LIMIT {ProductsOffered}
        """, null, ReadProduct, cancellationToken, ("run", runId), ("pattern", "%" + Escape((text ?? "").Trim()) + "%"));

    public async Task<RuleProduct?> ProductAsync(long runId, string stockCode, CancellationToken cancellationToken) =>
        (await database.ListAsync("SELECT stock_code, name, antecedent_rules, consequent_rules FROM run_rule_products WHERE run_id = @run AND stock_code = @code",
            null, ReadProduct, cancellationToken, ("run", runId), ("code", stockCode))).SingleOrDefault();

    /// <summary>What the product's buyers also take and what leads to it, by lift within the view's thresholds.</summary>
    public async Task<BoughtWith?> BoughtWithAsync(long runId, RuleView view, CancellationToken cancellationToken)
    {
        if (view.Product is not { } code || await ProductAsync(runId, code, cancellationToken) is not { } product)
            return null;
        var everyProduct = view with { Product = null };
        async Task<ProductRules> Side(string column)
        {
            var rows = await database.ListAsync($"""
                SELECT {Columns}, count(*) OVER () FROM run_rules r
                WHERE {Thresholds(everyProduct)} {Redundancy(view)} AND r.{column} @> ARRAY[@product]::text[]
                ORDER BY r.rule_no LIMIT {ProductRulesShown}
                """, null, r => (Rule: Read(r), Total: r.GetInt64(16)), cancellationToken, Parameters(runId, view));
            return new ProductRules(rows.Select(r => r.Rule).ToList(), rows.Count == 0 ? 0 : rows[0].Total);
        }
        return new BoughtWith(product, await Side("antecedent"), await Side("consequent"));
    }

    /// <summary>
    /// A rule, the general rule that makes it redundant, and the same antecedent and consequent in this and the
    /// earlier runs (a GIN probe per run: the sides are matched as sets, whatever order a run stored them in).
    /// </summary>
    public async Task<RuleDetail?> DetailAsync(long runId, int ruleNo, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync($"""
            SELECT {Columns}, a.baskets FROM run_rules r JOIN analysis_runs a USING (run_id)
            WHERE r.run_id = @run AND r.rule_no IN (@rule, (SELECT general_rule_no FROM run_rules WHERE run_id = @run AND rule_no = @rule))
            """, null, r => (Rule: Read(r), Baskets: r.GetInt32(16)), cancellationToken, ("run", runId), ("rule", ruleNo));
        if (rows.Find(r => r.Rule.RuleNo == ruleNo) is not { Rule: { } rule } found)
            return null;
        var history = await database.ListAsync($"""
            WITH runs AS ({LatestRun.Where("run_id <= @run", HistoryRuns)})
            SELECT runs.run_id, runs.as_of, runs.baskets, runs.min_support, runs.min_confidence, {Columns}
            FROM runs LEFT JOIN LATERAL (
                SELECT * FROM run_rules x
                WHERE x.run_id = runs.run_id AND x.antecedent @> @antecedent AND x.antecedent <@ @antecedent
                      AND x.consequent @> @consequent AND x.consequent <@ @consequent
                LIMIT 1) r ON true
            ORDER BY runs.run_id DESC
            """, null, r => new RuleInRun(r.GetInt64(0), r.GetFieldValue<DateOnly>(1), r.GetInt32(2), r.GetDouble(3), r.GetDouble(4),
                r.IsDBNull(6) ? null : Read(r, 5)), cancellationToken,
            ("run", runId), ("antecedent", rule.Antecedent), ("consequent", rule.Consequent));
        return new RuleDetail(rule, found.Baskets, rows.Find(r => r.Rule.RuleNo != ruleNo).Rule, history);
    }

    private static string Thresholds(RuleView view) =>
        "r.run_id = @run AND r.lift >= @min_lift AND r.confidence >= @min_confidence" +
        (view.MaxItems > 0 ? $" AND cardinality(r.antecedent) <= {view.MaxItems}" : "") +
        (view.Product is null ? "" : " AND (r.antecedent @> ARRAY[@product]::text[] OR r.consequent @> ARRAY[@product]::text[])");

    private static string Redundancy(RuleView view) => view.ShowRedundant ? "" : "AND r.is_redundant IS NOT TRUE";

    private static (string, object)[] Parameters(long runId, RuleView view, params (string, object)[] more) =>
    [
        ("run", runId), ("min_lift", view.MinLift), ("min_confidence", view.MinConfidence),
        .. view.Product is { } product ? [("product", (object)product)] : Array.Empty<(string, object)>(), .. more,
    ];

    private static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static RuleProduct ReadProduct(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3));

    private static RunRule Read(NpgsqlDataReader r) => Read(r, 0);

    private static RunRule Read(NpgsqlDataReader r, int first) => new()
    {
        RunId = r.GetInt64(first),
        RuleNo = r.GetInt32(first + 1),
        Antecedent = r.GetFieldValue<string[]>(first + 2),
        Consequent = r.GetFieldValue<string[]>(first + 3),
        AntecedentNames = r.GetString(first + 4),
        ConsequentNames = r.GetString(first + 5),
        Support = r.GetDouble(first + 6),
        Confidence = r.GetDouble(first + 7),
        Lift = r.GetDouble(first + 8),
        Leverage = r.GetDouble(first + 9),
        Conviction = r.GetDouble(first + 10),
        Count = r.GetInt32(first + 11),
        AntecedentCount = r.GetInt32(first + 12),
        ConsequentCount = r.GetInt32(first + 13),
        IsRedundant = r.IsDBNull(first + 14) ? null : r.GetBoolean(first + 14),
        GeneralRuleNo = r.IsDBNull(first + 15) ? null : r.GetInt32(first + 15),
    };
}
