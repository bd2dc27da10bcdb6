namespace RetailInsights.Core.Mining;

/// <summary>
/// Which rules a more general rule already explains (arules' <c>is.redundant</c>, improvement ≤ 0 on confidence): a rule
/// A → C is redundant when the set holds a rule A' → C with A' a proper subset of A (the empty set included) whose
/// confidence is at least A → C's. For each redundant rule it also names one such general rule (the first the search
/// meets), so a page can say which simpler rule says as much.
/// </summary>
/// <remarks>
/// Rules are grouped by consequent, and each group's antecedents go into a prefix tree (items ascending) whose nodes
/// know the best confidence below them. The search for a rule's general rules walks only the tree's nodes that are
/// subsets of its antecedent, skipping any branch whose best confidence is below the rule's own (most end at their first
/// node), and stops at the first general rule at least as confident. Building
/// costs O(Σ |A|) over the rules; a search visits at most 2^|A| nodes (|A| ≤ 9 under the miner's default
/// MaxItemsetSize, typically a few dozen nodes), each one hash probe per item left. Memory is one group's tree at a
/// time. Confidences are compared as fractions of integer counts (count × antecedent count, in 64 bits), so ties
/// are exact whatever the doubles would round to.
/// </remarks>
public static class RuleRedundancy
{
    /// <summary>No more general rule with the same consequent is in the set.</summary>
    public const int NoGeneralRule = -1;

    /// <summary>Assesses every rule against the others of the same list.</summary>
    /// <returns>Per rule, in the list's order: whether it is redundant, and if so the index of a general rule that makes it so.</returns>
    public static RedundancyAssessment Assess(IReadOnlyList<AssociationRule> rules, CancellationToken cancellationToken = default)
    {
        var redundant = new bool[rules.Count];
        var general = new int[rules.Count];
        Array.Fill(general, NoGeneralRule);
        var tree = new AntecedentTree(rules);
        foreach (var group in GroupByConsequent(rules))
        {
            cancellationToken.ThrowIfCancellationRequested();
            tree.Reset(group.Sum(r => rules[r].Antecedent.Length));
            foreach (var rule in group)
                tree.Add(rule);
            foreach (var rule in group)
            {
                general[rule] = tree.FindGeneralization(rule);
                redundant[rule] = general[rule] != NoGeneralRule;
            }
        }
        return new RedundancyAssessment(redundant, general);
    }

    /// <summary>conf(a) ≥ conf(b), exactly: a.Count / a.AntecedentCount ≥ b.Count / b.AntecedentCount.</summary>
    internal static bool AtLeastAsConfident(AssociationRule a, AssociationRule b) =>
        (long)a.Count * b.AntecedentCount >= (long)b.Count * a.AntecedentCount;

    private static IEnumerable<List<int>> GroupByConsequent(IReadOnlyList<AssociationRule> rules)
    {
        var groups = new Dictionary<int[], List<int>>(ItemsComparer.Instance);
        for (var i = 0; i < rules.Count; i++)
        {
            var consequent = Sorted(rules[i].Consequent);
            if (!groups.TryGetValue(consequent, out var group))
                groups[consequent] = group = [];
            group.Add(i);
        }
        return groups.Values;
    }

    internal static int[] Sorted(int[] items)
    {
        for (var i = 1; i < items.Length; i++)
            if (items[i - 1] >= items[i])
            {
                var copy = items.Distinct().ToArray();
                Array.Sort(copy);
                return copy;
            }
        return items;
    }

    /// <summary>
    /// One consequent group's antecedents as a prefix tree in parallel arrays: a node is the set of items on its path;
    /// it holds the rule whose antecedent that set is (if any) and the most confident rule of its subtree.
    /// </summary>
    private sealed class AntecedentTree(IReadOnlyList<AssociationRule> rules)
    {
        private const int Root = 0;
        private readonly ChildTable _children = new();
        private int[] _rule = new int[64];
        private int[] _bestBelow = new int[64];
        private int _nodes;
        private int[] _items = [];
        private int _searched;
        private int _best;

        public void Reset(int expectedNodes)
        {
            _children.Reset(expectedNodes);
            _nodes = 1;
            _rule[Root] = NoGeneralRule;
            _bestBelow[Root] = NoGeneralRule;
        }

        public void Add(int rule)
        {
            var node = Root;
            Improve(ref _bestBelow[Root], rule);
            foreach (var item in Sorted(rules[rule].Antecedent))
            {
                var key = Key(node, item);
                var child = _children.Find(key);
                if (child < 0)
                    _children.Add(key, child = NewNode());
                Improve(ref _bestBelow[child], rule);
                node = child;
            }
            // Two rules with one antecedent and consequent would be one rule twice; the more confident one stands for both.
            Improve(ref _rule[node], rule);
        }

        /// <summary>
        /// A rule whose antecedent is a proper subset of this rule's and whose confidence is at least this rule's, or
        /// <see cref="NoGeneralRule"/> when there is none (the rule is not redundant).
        /// </summary>
        public int FindGeneralization(int rule)
        {
            _items = Sorted(rules[rule].Antecedent);
            _searched = rule;
            _best = NoGeneralRule;
            if (_items.Length > 0)
            {
                Consider(_rule[Root]);
                Search(Root, 0, 0);
            }
            return _best;
        }

        // The node holds a subset of the antecedent built from its items before `next`, with `depth` items.
        private void Search(int node, int next, int depth)
        {
            for (var i = next; i < _items.Length && _best == NoGeneralRule; i++)
            {
                var child = _children.Find(Key(node, _items[i]));
                if (child < 0)
                    continue;
                if (!Qualifies(_bestBelow[child]))
                    continue;
                // depth + 1 items equal to the whole antecedent only on its own node: that is the rule itself.
                if (depth + 1 < _items.Length)
                    Consider(_rule[child]);
                Search(child, i + 1, depth + 1);
            }
        }

        private void Consider(int candidate)
        {
            if (Qualifies(candidate))
                _best = candidate;
        }

        private bool Qualifies(int candidate) => candidate != NoGeneralRule && AtLeastAsConfident(rules[candidate], rules[_searched]);

        private bool Beats(int candidate, int current) =>
            candidate != NoGeneralRule && !AtLeastAsConfident(rules[current], rules[candidate]);

        private void Improve(ref int slot, int rule)
        {
            if (slot == NoGeneralRule || Beats(rule, slot))
                slot = rule;
        }

        private int NewNode()
        {
            if (_nodes == _rule.Length)
            {
                Array.Resize(ref _rule, _nodes * 2);
                Array.Resize(ref _bestBelow, _nodes * 2);
            }
            _rule[_nodes] = NoGeneralRule;
            _bestBelow[_nodes] = NoGeneralRule;
            return _nodes++;
        }

        private static long Key(int node, int item) => ((long)node << 32) | (uint)item;
    }

    /// <summary>
    /// (node, item) → child node, by open addressing in two arrays: the tree's one hot structure, several times faster
    /// than a Dictionary here (and long's own hash, which XORs its halves, makes small pairs collide in droves).
    /// </summary>
    private sealed class ChildTable
    {
        private long[] _keys = new long[16];
        private int[] _children = new int[16];
        private int _count;

        public void Reset(int expected)
        {
            var capacity = (int)Math.Min(1 << 30, Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)expected * 2)));
            // A table far larger than this group needs is given up, so small groups after a big one clear little.
            if (capacity > _keys.Length || capacity < _keys.Length / 8)
            {
                _keys = new long[capacity];
                _children = new int[capacity];
            }
            Array.Fill(_children, -1, 0, _children.Length);
            _count = 0;
        }

        /// <summary>The child, or -1.</summary>
        public int Find(long key)
        {
            var mask = _keys.Length - 1;
            for (var slot = Slot(key, mask); ; slot = (slot + 1) & mask)
            {
                if (_children[slot] < 0)
                    return -1;
                if (_keys[slot] == key)
                    return _children[slot];
            }
        }

        public void Add(long key, int child)
        {
            if ((_count + 1) * 2 > _keys.Length)
                Grow();
            var mask = _keys.Length - 1;
            var slot = Slot(key, mask);
            while (_children[slot] >= 0)
                slot = (slot + 1) & mask;
            _keys[slot] = key;
            _children[slot] = child;
            _count++;
        }

        private void Grow()
        {
            var (keys, children) = (_keys, _children);
            _keys = new long[keys.Length * 2];
            _children = new int[keys.Length * 2];
            Array.Fill(_children, -1);
            _count = 0;
            for (var i = 0; i < keys.Length; i++)
                if (children[i] >= 0)
                    Add(keys[i], children[i]);
        }

        private static int Slot(long key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 33) & mask;
    }
}

/// <summary>
/// Per rule, in the order they were given: redundant or not, and for a redundant rule the index of a general rule at
/// least as confident (-1 for the others).
/// </summary>
public sealed record RedundancyAssessment(bool[] Redundant, int[] GeneralRule)
{
    public int RedundantCount => Redundant.Count(r => r);
}
