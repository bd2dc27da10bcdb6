namespace RetailInsights.Core.Ingestion;

/// <summary>What reading a file found: the counts and the completeness a data-quality report needs.</summary>
public sealed class ReadStatistics
{
    private readonly Dictionary<string, long> _rejectedByReason = new(StringComparer.Ordinal);
    private readonly Dictionary<RowFlags, long> _flagged = [];
    private readonly Dictionary<string, long> _filledByColumn = new(StringComparer.Ordinal);

    public long RowsRead { get; private set; }
    public long RowsAccepted { get; private set; }
    public long RowsRejected { get; private set; }

    /// <summary>Kept rows with at least one flag (no customer, return, non-product, zero price).</summary>
    public long RowsFlagged { get; private set; }

    public DateTime? FirstDate { get; private set; }
    public DateTime? LastDate { get; private set; }

    public IReadOnlyDictionary<string, long> RejectedByReason => _rejectedByReason;
    public IReadOnlyDictionary<RowFlags, long> FlaggedByFlag => _flagged;

    /// <summary>Share of read rows whose column holds a value, per mapped column.</summary>
    public IReadOnlyDictionary<string, double> Completeness =>
        _filledByColumn.ToDictionary(p => p.Key, p => RowsRead == 0 ? 1.0 : p.Value / (double)RowsRead);

    internal void StartColumns(IEnumerable<string> columns)
    {
        foreach (var column in columns)
            _filledByColumn[column] = 0;
    }

    internal void CountFilled(string column) => _filledByColumn[column]++;

    // Enum.GetValues allocates a new array each call: once here, not once per flagged row.
    private static readonly RowFlags[] Flags = Enum.GetValues<RowFlags>().Where(f => f != RowFlags.None).ToArray();

    internal void CountAccepted(RowFlags flags, DateTime? at)
    {
        RowsRead++;
        RowsAccepted++;
        if (flags != RowFlags.None)
        {
            RowsFlagged++;
            foreach (var flag in Flags)
                if (flags.HasFlag(flag))
                    _flagged[flag] = _flagged.GetValueOrDefault(flag) + 1;
        }
        if (at is { } date)
        {
            if (FirstDate is null || date < FirstDate)
                FirstDate = date;
            if (LastDate is null || date > LastDate)
                LastDate = date;
        }
    }

    internal void CountRejected(IEnumerable<string> reasons)
    {
        RowsRead++;
        RowsRejected++;
        foreach (var reason in reasons)
            _rejectedByReason[reason] = _rejectedByReason.GetValueOrDefault(reason) + 1;
    }
}
