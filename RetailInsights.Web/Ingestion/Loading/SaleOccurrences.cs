using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Infrastructure.Postgres;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// Numbers identical sale lines of one file 1, 2, … in line order — the line occurrence of the natural key, as the
/// staged load's window function numbers them — without keeping every line: the first pass notes each line's hash,
/// and the second counts exactly only the lines whose hash came up more than once. Each line is charged to the load's
/// memory budget; a load past it numbers its lines in SQL instead.
/// </summary>
internal sealed class SaleOccurrences(MemoryBudget budget)
{
    private readonly HashSet<int> _seen = [];
    private readonly HashSet<int> _repeated = [];
    private readonly Dictionary<(string, string, DateTime, int, decimal), int> _counts = [];

    public void Observe(TransactionRow sale)
    {
        if (!budget.TrySpend(MemoryBudget.ForLine))
        {
            _seen.Clear();
            _repeated.Clear();
            return;
        }
        var hash = Hash(sale);
        if (!_seen.Add(hash))
            _repeated.Add(hash);
    }

    /// <summary>The occurrence of the next line in file order; call once per line, in the same order as observed.</summary>
    public int Next(TransactionRow sale)
    {
        if (!_repeated.Contains(Hash(sale)))
            return 1;
        var key = (PgText.Clean(sale.Invoice), PgText.Clean(sale.StockCode), sale.InvoicedAt, sale.Quantity, sale.UnitPrice);
        var occurrence = _counts.GetValueOrDefault(key) + 1;
        _counts[key] = occurrence;
        return occurrence;
    }

    private static int Hash(TransactionRow sale) =>
        HashCode.Combine(PgText.Clean(sale.Invoice), PgText.Clean(sale.StockCode), sale.InvoicedAt, sale.Quantity, sale.UnitPrice);
}
