namespace RetailInsights.Web.Warehouse;

/// <summary>
/// Exact distinct customers over any days and stores: the summaries keep each store-day's customers as a sorted id
/// set (agg_store_daily, agg_category_daily), and the count over a range is the size of their union.
/// </summary>
public static class CustomerIdSets
{
    public static long CountDistinct(IEnumerable<int[]> idSets)
    {
        var customers = new HashSet<int>();
        foreach (var ids in idSets)
            customers.UnionWith(ids);
        return customers.Count;
    }
}
