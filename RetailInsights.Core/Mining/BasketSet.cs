namespace RetailInsights.Core.Mining;

/// <summary>
/// Baskets as dense integer item ids (distinct within a basket), with the item codes to map back. Built from
/// (basket, item) pairs in any order, as a database or a CSV file streams them.
/// </summary>
public sealed class BasketSet
{
    private BasketSet(IReadOnlyList<string> items, int[][] baskets)
    {
        Items = items;
        Baskets = baskets;
    }

    /// <summary>Item code by id.</summary>
    public IReadOnlyList<string> Items { get; }

    public int[][] Baskets { get; }

    public int Count => Baskets.Length;

    public static BasketSet FromPairs(IEnumerable<(string Basket, string Item)> pairs)
    {
        var itemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new List<string>();
        var baskets = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (basket, item) in pairs)
        {
            if (!itemIds.TryGetValue(item, out var id))
            {
                id = items.Count;
                itemIds[item] = id;
                items.Add(item);
            }
            if (!baskets.TryGetValue(basket, out var set))
                baskets[basket] = set = [];
            set.Add(id);
        }
        return new BasketSet(items, baskets.Values.Select(s => s.Order().ToArray()).ToArray());
    }

    public static BasketSet FromBaskets(IEnumerable<IEnumerable<string>> baskets) =>
        FromPairs(baskets.SelectMany((items, index) => items.Select(item => (index.ToString(System.Globalization.CultureInfo.InvariantCulture), item))));
}
