using System.Globalization;
using RetailInsights.Core.Mining;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Mining;

/// <summary>Reads arules' reference outputs and the baskets they were mined from.</summary>
public static class ReferenceRules
{
    public sealed record Rule(string Lhs, string Rhs, double Support, double Confidence, double Lift, int Count);

    public static BasketSet Groceries() => BasketSet.FromBaskets(
        File.ReadLines(ReferenceData.Path("groceries", "groceries_baskets.csv")).Where(l => l.Length > 0).Select(l => l.Split(',')));

    public static BasketSet OnlineRetail(bool productsOnly) => BasketSet.FromPairs(
        SimpleCsv.Read(ReferenceData.Path("online-retail-sample", "reference", "baskets_long.csv")).Rows
            .Select(r => (r["Invoice"], r["StockCode"]))
            .Where(p => !productsOnly || System.Text.RegularExpressions.Regex.IsMatch(p.Item2, "^[0-9]{5}[A-Za-z]*$")));

    /// <summary>Rules with a non-empty lhs, keyed by sorted lhs items and the rhs item.</summary>
    public static Dictionary<string, Rule> Read(params string[] path) => SimpleCsv.Read(ReferenceData.Path(path)).Rows
        .Where(r => r["lhs"] != "{}")
        .Select(r => new Rule(Canonical(r["lhs"]), Canonical(r["rhs"]), Double(r["support"]), Double(r["confidence"]), Double(r["lift"]),
            int.Parse(r["count"], CultureInfo.InvariantCulture)))
        .ToDictionary(r => r.Lhs + " => " + r.Rhs);

    public static Dictionary<string, AssociationRule> Ours(MiningResult result, BasketSet baskets) => result.Rules
        .ToDictionary(r => Canonical(MiningResult.Describe(baskets.Items, r.Antecedent)) + " => " + Canonical(MiningResult.Describe(baskets.Items, r.Consequent)));

    // Items inside braces, sorted ordinally: arules' own order is by its item labels' factor levels.
    public static string Canonical(string braced) =>
        "{" + string.Join(",", braced.Trim('{', '}').Split(',').Order(StringComparer.Ordinal)) + "}";

    private static double Double(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
