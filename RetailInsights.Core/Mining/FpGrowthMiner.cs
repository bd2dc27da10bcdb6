using System.Diagnostics;

namespace RetailInsights.Core.Mining;

/// <summary>
/// Frequent itemsets by FP-Growth over integer ids and array-based trees, then association rules with support,
/// confidence, lift, leverage and conviction. An itemset is frequent when its count is at least
/// ⌈min support × baskets⌉ (as arules counts it); caps on itemsets, rules and time stop a low support before it
/// exhausts memory, with a message that names the cause.
/// </summary>
public sealed class FpGrowthMiner
{
    public MiningResult Mine(BasketSet baskets, MiningOptions options, CancellationToken cancellationToken = default)
    {
        var n = baskets.Count;
        if (n == 0)
            return new MiningResult(0, [], []);
        var minCount = Math.Max(1, (int)Math.Ceiling(options.MinSupport * n - 1e-9));
        var itemCounts = new int[baskets.Items.Count];
        foreach (var basket in baskets.Baskets)
            foreach (var item in basket)
                itemCounts[item]++;

        // Global ranks: frequent items by descending count, so shared prefixes share nodes.
        var frequent = Enumerable.Range(0, itemCounts.Length).Where(i => itemCounts[i] >= minCount)
            .OrderByDescending(i => itemCounts[i]).ThenBy(i => i).ToArray();
        var rankOf = new int[itemCounts.Length];
        Array.Fill(rankOf, -1);
        for (var r = 0; r < frequent.Length; r++)
            rankOf[frequent[r]] = r;

        var tree = new FpTree(Enumerable.Range(0, frequent.Length).ToArray(), frequent.Select(i => itemCounts[i]).ToArray(), n);
        var path = new int[baskets.Baskets.Max(b => b.Length)];
        foreach (var basket in baskets.Baskets)
        {
            var length = 0;
            foreach (var item in basket)
                if (rankOf[item] >= 0)
                    path[length++] = rankOf[item];
            Array.Sort(path, 0, length);
            tree.Insert(path.AsSpan(0, length), 1);
        }

        var run = new MiningRun(options, minCount, n, cancellationToken);
        run.Grow(tree, []);
        var itemsets = run.Itemsets
            .Select(s => new FrequentItemset(s.Ranks.Select(r => frequent[r]).Order().ToArray(), s.Count))
            .ToList();
        var rules = RuleGenerator.Generate(itemsets, itemCounts, n, options, run.Stopwatch, cancellationToken);
        return new MiningResult(n, itemsets, rules);
    }

    private sealed class MiningRun(MiningOptions options, int minCount, int baskets, CancellationToken cancellationToken)
    {
        public List<(int[] Ranks, int Count)> Itemsets { get; } = [];

        public Stopwatch Stopwatch { get; } = Stopwatch.StartNew();

        public void Grow(FpTree tree, int[] suffix)
        {
            for (var item = tree.GlobalItems.Length - 1; item >= 0; item--)
            {
                var itemset = new int[suffix.Length + 1];
                suffix.CopyTo(itemset, 0);
                itemset[^1] = tree.GlobalItems[item];
                Emit(itemset, tree.Supports[item]);
                if (itemset.Length < options.MaxItemsetSize && item > 0)
                    Grow(Conditional(tree, item), itemset);
            }
        }

        // The tree of the paths that lead to one item: its prefix paths, weighted by that item's node counts.
        private FpTree Conditional(FpTree tree, int item)
        {
            var counts = new int[item];
            var nodes = 0;
            for (var node = tree.Head[item]; node >= 0; node = tree.NextSameItem(node), nodes++)
                for (var up = tree.ParentOf(node); !FpTree.IsRoot(up); up = tree.ParentOf(up))
                    counts[tree.ItemOf(up)] += tree.CountOf(node);

            var kept = 0;
            for (var i = 0; i < item; i++)
                if (counts[i] >= minCount)
                    kept++;
            // Local ids keep the parent tree's order (already by descending global support), which keeps paths sorted.
            var localOf = new int[item];
            var globals = new int[kept];
            var supports = new int[kept];
            for (int i = 0, local = 0; i < item; i++)
            {
                localOf[i] = counts[i] >= minCount ? local : -1;
                if (localOf[i] < 0)
                    continue;
                globals[local] = tree.GlobalItems[i];
                supports[local++] = counts[i];
            }
            var conditional = new FpTree(globals, supports, nodes * 2);
            if (kept == 0)
                return conditional;
            var buffer = new int[item];
            for (var node = tree.Head[item]; node >= 0; node = tree.NextSameItem(node))
            {
                var length = 0;
                for (var up = tree.ParentOf(node); !FpTree.IsRoot(up); up = tree.ParentOf(up))
                    if (localOf[tree.ItemOf(up)] is var local and >= 0)
                        buffer[length++] = local;
                if (length == 0)
                    continue;
                Array.Reverse(buffer, 0, length);
                conditional.Insert(buffer.AsSpan(0, length), tree.CountOf(node));
            }
            return conditional;
        }

        private void Emit(int[] itemset, int count)
        {
            Itemsets.Add((itemset, count));
            if (Itemsets.Count > options.MaxItemsets)
                throw new MiningLimitExceededException("itemsets",
                    $"Mining stopped after {options.MaxItemsets:N0} frequent itemsets at min support {options.MinSupport} " +
                    $"({minCount} of {baskets:N0} baskets): long baskets make the itemsets explode at this support. " +
                    $"Raise the min support (try {options.MinSupport * 2}) or lower the max itemset size.");
            if ((Itemsets.Count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Stopwatch.Elapsed > options.Timeout)
                    throw new MiningLimitExceededException("time",
                        $"Mining stopped after {options.Timeout.TotalSeconds:N0} s with {Itemsets.Count:N0} itemsets at min support " +
                        $"{options.MinSupport}. Raise the min support (try {options.MinSupport * 2}).");
            }
        }
    }
}
