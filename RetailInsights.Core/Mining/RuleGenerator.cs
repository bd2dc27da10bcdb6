using System.Diagnostics;

namespace RetailInsights.Core.Mining;

/// <summary>Rules from frequent itemsets: every split into antecedent and a consequent of up to the allowed size.</summary>
internal static class RuleGenerator
{
    public static List<AssociationRule> Generate(IReadOnlyList<FrequentItemset> itemsets, int[] itemCounts, int baskets,
        MiningOptions options, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var countOf = new Dictionary<int[], int>(itemsets.Count, ItemsComparer.Instance);
        foreach (var itemset in itemsets)
            countOf[itemset.Items] = itemset.Count;
        var rules = new List<AssociationRule>();
        foreach (var itemset in itemsets)
        {
            if (itemset.Items.Length < 2)
                continue;
            for (var size = 1; size <= Math.Min(options.MaxConsequentSize, itemset.Items.Length - 1); size++)
                foreach (var consequent in Combinations(itemset.Items, size))
                {
                    var antecedent = Without(itemset.Items, consequent);
                    var antecedentCount = countOf[antecedent];
                    var consequentCount = consequent.Length == 1 ? itemCounts[consequent[0]] : countOf[consequent];
                    var confidence = itemset.Count / (double)antecedentCount;
                    if (confidence < options.MinConfidence - 1e-12)
                        continue;
                    var consequentSupport = consequentCount / (double)baskets;
                    var lift = confidence / consequentSupport;
                    if (options.MinLift is { } minLift && lift <= minLift)
                        continue;
                    var support = itemset.Count / (double)baskets;
                    rules.Add(new AssociationRule(antecedent, consequent, itemset.Count, antecedentCount, consequentCount,
                        support, confidence, lift, support - antecedentCount / (double)baskets * consequentSupport,
                        confidence >= 1 ? double.PositiveInfinity : (1 - consequentSupport) / (1 - confidence)));
                    if (rules.Count > options.MaxRules)
                        throw new MiningLimitExceededException("rules",
                            $"Mining stopped after {options.MaxRules:N0} rules at min support {options.MinSupport} and min confidence " +
                            $"{options.MinConfidence}. Raise the min support or the min confidence.");
                }
            if ((rules.Count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (stopwatch.Elapsed > options.Timeout)
                    throw new MiningLimitExceededException("time",
                        $"Rule generation stopped after {options.Timeout.TotalSeconds:N0} s. Raise the min support or the min confidence.");
            }
        }
        rules.Sort((a, b) => b.Lift != a.Lift ? b.Lift.CompareTo(a.Lift) : b.Confidence.CompareTo(a.Confidence));
        return rules;
    }

    /// <summary>The items of a sorted set that are not in a sorted subset of it, without LINQ in the hot loop.</summary>
    private static int[] Without(int[] items, int[] subset)
    {
        var result = new int[items.Length - subset.Length];
        for (int i = 0, j = 0, k = 0; i < items.Length; i++)
        {
            if (j < subset.Length && items[i] == subset[j])
                j++;
            else
                result[k++] = items[i];
        }
        return result;
    }

    private static IEnumerable<int[]> Combinations(int[] items, int size)
    {
        var indexes = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return indexes.Select(i => items[i]).ToArray();
            var k = size - 1;
            while (k >= 0 && indexes[k] == items.Length - size + k)
                k--;
            if (k < 0)
                yield break;
            indexes[k]++;
            for (var j = k + 1; j < size; j++)
                indexes[j] = indexes[j - 1] + 1;
        }
    }
}
