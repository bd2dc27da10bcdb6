using RetailInsights.Core.Ingestion;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// Numbers identical sale lines of one file 1, 2, … in line order — the line occurrence of the natural key, as the
/// staged load's window function numbers them — without keeping every line: the first pass notes each line's hash,
/// and the second counts exactly only the lines whose hash came up more than once.
/// </summary>
internal sealed class SaleOccurrences
{
    private readonly HashSet<int> _seen = [];
    private readonly HashSet<int> _repeated = [];
    private readonly Dictionary<(string, string, DateTime, int, decimal), short> _counts = [];

    public void Observe(TransactionRow sale)
    {
        var hash = Hash(sale);
        if (!_seen.Add(hash))
            _repeated.Add(hash);
    }

    /// <summary>The occurrence of the next line in file order; call once per line, in the same order as observed.</summary>
    public short Next(TransactionRow sale)
    {
        if (!_repeated.Contains(Hash(sale)))
            return 1;
        var key = (PgText.Clean(sale.Invoice), PgText.Clean(sale.StockCode), sale.InvoicedAt, sale.Quantity, sale.UnitPrice);
        var occurrence = (short)(_counts.GetValueOrDefault(key) + 1);
        _counts[key] = occurrence;
        return occurrence;
    }

    private static int Hash(TransactionRow sale) =>
        HashCode.Combine(PgText.Clean(sale.Invoice), PgText.Clean(sale.StockCode), sale.InvoicedAt, sale.Quantity, sale.UnitPrice);
}
