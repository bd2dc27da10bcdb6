namespace RetailInsights.Core.Mining;

/// <summary>Items (ids, ascending) that appear together in <see cref="Count"/> baskets.</summary>
public sealed record FrequentItemset(int[] Items, int Count);
