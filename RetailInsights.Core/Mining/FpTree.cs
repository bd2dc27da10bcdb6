namespace RetailInsights.Core.Mining;

/// <summary>
/// An FP-tree in parallel int arrays (no node objects): items are local ids ordered by descending support, each
/// node knows its parent, its first child, its next sibling and the next node of the same item (the header chain).
/// </summary>
internal sealed class FpTree
{
    private const int Root = 0;
    private int[] _item;
    private int[] _count;
    private int[] _parent;
    private int[] _firstChild;
    private int[] _nextSibling;
    private int[] _nextSameItem;
    private int _nodes = 1;

    /// <param name="globalItems">Local id → the item's global id (rank among all frequent items).</param>
    /// <param name="supports">Local id → the item's support in this tree.</param>
    public FpTree(int[] globalItems, int[] supports, int expectedNodes)
    {
        GlobalItems = globalItems;
        Supports = supports;
        Head = new int[globalItems.Length];
        Array.Fill(Head, -1);
        var capacity = Math.Max(16, expectedNodes + 1);
        _item = new int[capacity];
        _count = new int[capacity];
        _parent = new int[capacity];
        _firstChild = new int[capacity];
        _nextSibling = new int[capacity];
        _nextSameItem = new int[capacity];
        _item[Root] = -1;
        _firstChild[Root] = -1;
        _nextSibling[Root] = -1;
    }

    public int[] GlobalItems { get; }

    public int[] Supports { get; }

    /// <summary>Local item → first node of its header chain, or -1.</summary>
    public int[] Head { get; }

    public int ItemOf(int node) => _item[node];

    public int CountOf(int node) => _count[node];

    public int ParentOf(int node) => _parent[node];

    public int NextSameItem(int node) => _nextSameItem[node];

    public static bool IsRoot(int node) => node == Root;

    /// <summary>Adds a path of local ids in ascending order (most frequent first) with a count.</summary>
    public void Insert(ReadOnlySpan<int> path, int count)
    {
        var node = Root;
        foreach (var item in path)
        {
            var child = _firstChild[node];
            while (child >= 0 && _item[child] != item)
                child = _nextSibling[child];
            if (child < 0)
                child = AddNode(item, node);
            _count[child] += count;
            node = child;
        }
    }

    private int AddNode(int item, int parent)
    {
        if (_nodes == _item.Length)
            Grow();
        var node = _nodes++;
        _item[node] = item;
        _count[node] = 0;
        _parent[node] = parent;
        _firstChild[node] = -1;
        _nextSibling[node] = _firstChild[parent];
        _firstChild[parent] = node;
        _nextSameItem[node] = Head[item];
        Head[item] = node;
        return node;
    }

    private void Grow()
    {
        var size = _item.Length * 2;
        Array.Resize(ref _item, size);
        Array.Resize(ref _count, size);
        Array.Resize(ref _parent, size);
        Array.Resize(ref _firstChild, size);
        Array.Resize(ref _nextSibling, size);
        Array.Resize(ref _nextSameItem, size);
    }
}
