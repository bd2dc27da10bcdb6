using System.Buffers;
using System.Numerics;

namespace RetailInsights.Web.Warehouse;

/// <summary>
/// Exact distinct customers over any days and stores: the summaries keep each store-day's customers as a sorted id
/// set (agg_store_daily, agg_category_daily; read in the binary form of <see cref="CustomerIdSet"/>), and the count over
/// a range is the size of their union.
/// </summary>
public static class CustomerIdSets
{
    /// <summary>
    /// The size of the sets' union. Customer ids are the dimension's dense serial keys, so the union is a bitmap of
    /// max id bits (1.25 MB for ten million customers, pooled): a bit set per id and a popcount, several times faster
    /// than hashing the quarter of a million ids that a quarter of a chain's store-days hold.
    /// </summary>
    public static long CountDistinct(IEnumerable<CustomerIdSet> idSets)
    {
        var sets = idSets as IReadOnlyList<CustomerIdSet> ?? idSets.ToList();
        int min = int.MaxValue, max = -1;
        foreach (var ids in sets)
            for (var i = 0; i < ids.Count; i++)
                (min, max) = (Math.Min(min, ids[i]), Math.Max(max, ids[i]));
        if (max < 0)
            return min < 0 ? UnionByHashing(sets) : 0;
        if (min < 0)
            return UnionByHashing(sets); // not a dimension key: counted the slow way rather than wrongly
        var words = max / 64 + 1;
        var bits = ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            Array.Clear(bits, 0, words);
            foreach (var ids in sets)
                for (var i = 0; i < ids.Count; i++)
                    bits[ids[i] >> 6] |= 1UL << (ids[i] & 63);
            var count = 0L;
            for (var i = 0; i < words; i++)
                count += BitOperations.PopCount(bits[i]);
            return count;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    private static long UnionByHashing(IReadOnlyList<CustomerIdSet> sets)
    {
        var customers = new HashSet<int>();
        foreach (var ids in sets)
            for (var i = 0; i < ids.Count; i++)
                customers.Add(ids[i]);
        return customers.Count;
    }
}
