namespace RetailInsights.Core.Generation;

/// <summary>
/// Draws the distinct products of one basket (1–8), by popularity, and plants the associations: a consequent
/// enters a basket that holds its antecedent only through the planting coin, so the measured confidence is the
/// planted probability.
/// </summary>
internal sealed class BasketBuilder
{
    public const int MaxItems = 8;
    private static readonly double[] SizeWeights = [18, 20, 18, 14, 11, 8, 6, 5];

    private readonly WeightedSampler _products = new(DemoCatalog.Popularity);
    private readonly WeightedSampler _sizes = new(SizeWeights);
    private readonly (int Antecedent, int Consequent, double Probability)[] _planted;
    private readonly bool[] _isPlantedConsequent;

    public BasketBuilder()
    {
        var index = DemoCatalog.Products.Select((p, i) => (p.StockCode, i)).ToDictionary(x => x.StockCode, x => x.i);
        _planted = DemoCatalog.PlantedAssociations
            .Select(a => (index[a.Antecedent], index[a.Consequent], a.Probability))
            .ToArray();
        _isPlantedConsequent = new bool[DemoCatalog.Products.Count];
        foreach (var (_, consequent, _) in _planted)
            _isPlantedConsequent[consequent] = true;
    }

    /// <summary>True for products that the planting adds; they are never sold at a promotional zero price.</summary>
    public bool IsPlantedConsequent(int product) => _isPlantedConsequent[product];

    public List<int> Build(Random random, int extraItems)
    {
        var size = Math.Min(MaxItems, _sizes.Next(random) + 1 + (extraItems > 0 ? random.Next(extraItems + 1) : 0));
        var basket = new List<int>(MaxItems + _planted.Length);
        while (basket.Count < size)
        {
            var product = _products.Next(random);
            if (!basket.Contains(product))
                basket.Add(product);
        }

        var protectedItems = new List<int>(2 * _planted.Length);
        foreach (var (antecedent, consequent, probability) in _planted)
        {
            if (!basket.Contains(antecedent))
                continue;
            basket.Remove(consequent);
            protectedItems.Add(antecedent);
            if (random.NextDouble() < probability)
            {
                basket.Add(consequent);
                protectedItems.Add(consequent);
            }
        }

        // Planting may push a basket past eight items: drop drawn items that take part in no planted rule.
        while (basket.Count > MaxItems)
        {
            var free = basket.Where(p => !protectedItems.Contains(p)).ToList();
            basket.Remove(free[random.Next(free.Count)]);
        }
        return basket;
    }
}
