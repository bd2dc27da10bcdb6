using RetailInsights.Core.Ingestion;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// A bound on what one load keeps in memory to copy its sales straight in: the dimension codes it names and a hash per
/// sale line. Each is charged an estimate of its bytes; once the bound is passed the load stops keeping them and
/// spills to the database, where the same work is set-based (see <see cref="TransactionsLoad"/>), so no file — however
/// many distinct customers or lines it holds — can take the server's memory.
/// </summary>
internal sealed class MemoryBudget(long maxBytes)
{
    /// <summary>A dictionary entry with its string key, kept twice (the codes, then their ids).</summary>
    public static long ForCode(string code) => 2 * (64 + 2L * code.Length);

    /// <summary>A hash set entry of one sale line, with the set's growth slack.</summary>
    public const long ForLine = 24;

    /// <summary>A sale kept whole between the two steps of its load: the row, its list slot and its strings.</summary>
    public static long ForKeptSale(TransactionRow sale) => 120 + ForText(sale.Invoice) + ForText(sale.StockCode) + ForText(sale.Description) +
        ForText(sale.CustomerId) + ForText(sale.Country) + ForText(sale.StoreCode);

    private static long ForText(string? text) => text is null ? 0 : 24 + 2L * text.Length;

    private long _spent;

    /// <summary>A budget of its own, this share of this one's size, for memory a load can let go of and do without.</summary>
    public MemoryBudget Apart(double share) => new((long)(maxBytes * share));

    public bool Exceeded { get; private set; }

    /// <returns>Whether the budget still holds after this.</returns>
    public bool TrySpend(long bytes)
    {
        if (Exceeded)
            return false;
        _spent += bytes;
        Exceeded = _spent > maxBytes;
        return !Exceeded;
    }
}
