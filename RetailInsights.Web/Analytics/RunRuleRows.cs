using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Mining;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// A run's rules as <see cref="RunWriter"/> stores them, inside its transaction: one run_rules row per rule, numbered
/// in the miner's order (lift, then confidence, descending — pages read "top by lift" as the first rule numbers),
/// flagged when a more general rule of the run is at least as confident (<see cref="RuleRedundancy"/>), and one
/// run_rule_products row per product the rules name, for the page's product search.
/// </summary>
internal static class RunRuleRows
{
    public static async Task CopyAsync(NpgsqlConnection connection, long runId, BasketSet baskets, MiningResult mined,
        IReadOnlyDictionary<string, string> names, CancellationToken cancellationToken)
    {
        string[] Codes(int[] ids) => ids.Select(i => baskets.Items[i]).ToArray();
        string Names(string[] codes) => string.Join(" + ", codes.Select(c => names.GetValueOrDefault(c, c)));
        var redundancy = RuleRedundancy.Assess(mined.Rules, cancellationToken);
        var products = new Dictionary<string, (int Left, int Right)>(StringComparer.Ordinal);

        await using (var rules = await connection.BeginBinaryImportAsync(
            "COPY run_rules (run_id, rule_no, antecedent, consequent, antecedent_names, consequent_names, support, confidence, lift, leverage, conviction, count, antecedent_count, consequent_count, is_redundant, general_rule_no) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            for (var i = 0; i < mined.Rules.Count; i++)
            {
                var rule = mined.Rules[i];
                var antecedent = Codes(rule.Antecedent);
                var consequent = Codes(rule.Consequent);
                Count(products, antecedent, left: 1);
                Count(products, consequent, left: 0);
                var general = redundancy.GeneralRule[i];
                await rules.StartRowAsync(cancellationToken);
                await rules.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
                await rules.WriteAsync(i + 1, NpgsqlDbType.Integer, cancellationToken);
                await rules.WriteAsync(antecedent, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await rules.WriteAsync(consequent, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await rules.WriteAsync(Names(antecedent), NpgsqlDbType.Text, cancellationToken);
                await rules.WriteAsync(Names(consequent), NpgsqlDbType.Text, cancellationToken);
                foreach (var metric in new[] { rule.Support, rule.Confidence, rule.Lift, rule.Leverage, rule.Conviction })
                    await rules.WriteAsync(metric, NpgsqlDbType.Double, cancellationToken);
                foreach (var count in new[] { rule.Count, rule.AntecedentCount, rule.ConsequentCount })
                    await rules.WriteAsync(count, NpgsqlDbType.Integer, cancellationToken);
                await rules.WriteAsync(general != RuleRedundancy.NoGeneralRule, NpgsqlDbType.Boolean, cancellationToken);
                if (general == RuleRedundancy.NoGeneralRule)
                    await rules.WriteNullAsync(cancellationToken);
                else
                    await rules.WriteAsync(general + 1, NpgsqlDbType.Integer, cancellationToken);
            }
            await rules.CompleteAsync(cancellationToken);
        }

        await using var rows = await connection.BeginBinaryImportAsync(
            "COPY run_rule_products (run_id, stock_code, name, antecedent_rules, consequent_rules) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (code, (left, right)) in products)
        {
            await rows.StartRowAsync(cancellationToken);
            await rows.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await rows.WriteAsync(code, NpgsqlDbType.Varchar, cancellationToken);
            await rows.WriteAsync(names.GetValueOrDefault(code, code), NpgsqlDbType.Text, cancellationToken);
            await rows.WriteAsync(left, NpgsqlDbType.Integer, cancellationToken);
            await rows.WriteAsync(right, NpgsqlDbType.Integer, cancellationToken);
        }
        await rows.CompleteAsync(cancellationToken);
    }

    private static void Count(Dictionary<string, (int Left, int Right)> products, string[] codes, int left)
    {
        foreach (var code in codes)
        {
            var (onLeft, onRight) = products.GetValueOrDefault(code);
            products[code] = (onLeft + left, onRight + 1 - left);
        }
    }
}
