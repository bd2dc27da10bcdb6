namespace RetailInsights.Core.Generation;

/// <summary>
/// Chooses the distinct products of a sale basket and plants <see cref="DemoCatalog.PlantedAssociations"/>. A consequent
/// enters a basket holding its antecedent only through the planting, and trimming to the size cap never removes an
/// antecedent or consequent, so the measured confidence equals the planted probability.
/// </summary>
internal sealed class BasketBuilder
{
    public const int MaxItems = 8;

    private static readonly WeightedPicker SizePicker = new([14, 18, 18, 15, 12, 10, 7, 6]); // 1 … 8 items

    private readonly WeightedPicker _products = new(DemoCatalog.ProductPopularity);
    private readonly (int Antecedent, int Consequent, double Probability)[] _rules;
    private readonly bool[] _isRuleItem;
    private readonly List<int> _removable = new(MaxItems * 2);

    public BasketBuilder()
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < DemoCatalog.Products.Count; i++)
            indexOf.Add(DemoCatalog.Products[i].StockCode, i);
        _isRuleItem = new bool[DemoCatalog.Products.Count];
        _rules = new (int, int, double)[DemoCatalog.PlantedAssociations.Count];
        for (var r = 0; r < _rules.Length; r++)
        {
            var rule = DemoCatalog.PlantedAssociations[r];
            _rules[r] = (indexOf[rule.Antecedent], indexOf[rule.Consequent], rule.Probability);
            _isRuleItem[_rules[r].Antecedent] = _isRuleItem[_rules[r].Consequent] = true;
        }
    }

    /// <summary>Whether the product takes part in a planted rule (and so must keep its price and presence).</summary>
    public bool IsRuleItem(int productIndex) => _isRuleItem[productIndex];

    /// <summary>Draws a basket size, one or two items bigger for customers who buy big.</summary>
    public static int DrawSize(double biggerBasketChance, Random random)
    {
        var size = SizePicker.Pick(random) + 1;
        if (biggerBasketChance > 0 && random.NextDouble() < biggerBasketChance)
            size = Math.Min(MaxItems, size + 1 + random.Next(2));
        return size;
    }

    /// <summary>Fills <paramref name="basket"/> with about <paramref name="size"/> distinct product indexes.</summary>
    public void Build(int size, Random random, List<int> basket)
    {
        basket.Clear();
        while (basket.Count < size)
        {
            var product = _products.Pick(random);
            if (!basket.Contains(product))
                basket.Add(product);
        }

        foreach (var (antecedent, consequent, probability) in _rules)
        {
            if (!basket.Contains(antecedent))
                continue;
            basket.Remove(consequent);
            if (random.NextDouble() < probability)
                basket.Add(consequent);
        }
        TrimTo(MaxItems, random, basket);
    }

    /// <summary>Removes random items that take part in no rule until at most <paramref name="cap"/> remain.</summary>
    public void TrimTo(int cap, Random random, List<int> basket)
    {
        while (basket.Count > cap)
        {
            _removable.Clear();
            for (var i = 0; i < basket.Count; i++)
                if (!_isRuleItem[basket[i]])
                    _removable.Add(i);
            if (_removable.Count == 0)
                throw new InvalidOperationException($"A basket of rule items only cannot be trimmed to {cap}.");
            basket.RemoveAt(_removable[random.Next(_removable.Count)]);
        }
    }
}
