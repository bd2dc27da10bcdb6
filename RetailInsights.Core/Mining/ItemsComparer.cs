namespace RetailInsights.Core.Mining;

/// <summary>Item sets (sorted id arrays) compared by their items, as dictionary keys.</summary>
internal sealed class ItemsComparer : IEqualityComparer<int[]>
{
    public static readonly ItemsComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] items)
    {
        var hash = new HashCode();
        foreach (var item in items)
            hash.Add(item);
        return hash.ToHashCode();
    }
}
