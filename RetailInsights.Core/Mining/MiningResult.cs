namespace RetailInsights.Core.Mining;

public sealed record MiningResult(int BasketCount, IReadOnlyList<FrequentItemset> Itemsets, IReadOnlyList<AssociationRule> Rules)
{
    public static string Describe(IReadOnlyList<string> items, int[] ids) => "{" + string.Join(",", ids.Select(i => items[i])) + "}";
}
