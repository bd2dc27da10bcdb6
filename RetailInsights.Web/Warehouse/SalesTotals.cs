using System.Runtime.InteropServices;
using Npgsql;
using RetailInsights.Web.Infrastructure.Postgres;

namespace RetailInsights.Web.Warehouse;

/// <summary>
/// The summaries' share of one batch of sales, added up while the sales are copied in: per transaction, per store and
/// day, per hour, per product and per category — what <see cref="IncrementalSummarySql"/> would otherwise compute by
/// reading the batch back from the sales table once per summary. Exact, like that SQL: decimal sums, sorted distinct
/// customer ids. It holds one entry per transaction and per cell, never per line, and reports what each line made it
/// hold so that the load can charge its memory budget.
/// </summary>
/// <param name="categories">The category of each product the batch sells ('' for none), as the category summaries key it.</param>
public sealed class SalesTotals(int retailerId, IReadOnlyDictionary<int, string> categories)
{
    /// <summary>A transaction of the batch: its lines' totals and the categories they hold.</summary>
    private sealed class Transaction(DateTime firstAt)
    {
        public int? CustomerId;
        public DateTime FirstAt = firstAt;
        public long Lines;
        public decimal Gross;
        public long PricedLines;
        public readonly List<string> Categories = [];
    }

    /// <summary>Lines, quantity and gross of a cell, with its customers for the cells that count them.</summary>
    private sealed class Cell(bool countsCustomers)
    {
        public long Lines;
        public long Quantity;
        public decimal Gross;
        public readonly HashSet<int>? Customers = countsCustomers ? [] : null;
    }

    private Dictionary<(string Invoice, int DateKey, int StoreId), Transaction> Transactions { get; } = [];

    private Dictionary<(int DateKey, int StoreId), Cell> StoreDays { get; } = [];

    private Dictionary<(int DateKey, int StoreId, int Hour), decimal> StoreHours { get; } = [];

    private Dictionary<(int DateKey, int StoreId, int ProductId), Cell> ProductDays { get; } = [];

    private Dictionary<(int DateKey, int StoreId, string Category), Cell> CategoryDays { get; } = [];

    /// <summary>Adds one sale line.</summary>
    /// <returns>About how many bytes the totals hold more because of it (0 for most lines).</returns>
    public long Add(string invoice, int dateKey, int storeId, int productId, int? customerId, DateTime invoicedAt, int quantity,
        decimal unitPrice, decimal lineAmount)
    {
        long added = 0;
        var category = categories[productId];
        ref var transaction = ref CollectionsMarshal.GetValueRefOrAddDefault(Transactions, (invoice, dateKey, storeId), out var known);
        if (!known)
        {
            transaction = new Transaction(invoicedAt);
            added += 160 + 2L * invoice.Length;
        }
        // As SQL's max(customer_id) and min(invoiced_at) over the transaction's lines.
        if (customerId > (transaction!.CustomerId ?? int.MinValue))
            transaction.CustomerId = customerId;
        if (invoicedAt < transaction.FirstAt)
            transaction.FirstAt = invoicedAt;
        transaction.Lines++;
        transaction.Gross += lineAmount;
        if (unitPrice > 0)
            transaction.PricedLines++;
        if (!transaction.Categories.Contains(category))
        {
            transaction.Categories.Add(category);
            added += 8;
        }

        added += AddTo(StoreDays, (dateKey, storeId), quantity, lineAmount, customerId, countsCustomers: true);
        added += AddTo(ProductDays, (dateKey, storeId, productId), quantity, lineAmount, customerId, countsCustomers: false);
        added += AddTo(CategoryDays, (dateKey, storeId, category), quantity, lineAmount, customerId, countsCustomers: true);
        ref var hourGross = ref CollectionsMarshal.GetValueRefOrAddDefault(StoreHours, (dateKey, storeId, invoicedAt.Hour), out var hourKnown);
        hourGross += lineAmount;
        return added + (hourKnown ? 0 : 64);
    }

    /// <summary>
    /// Copies the totals into the temporary tables of <see cref="TotalsSummarySql.Tables"/>, each cell counting its
    /// transactions as new ones (see <see cref="TotalsSummarySql"/>).
    /// </summary>
    public void CopyTo(NpgsqlConnection connection)
    {
        var storeInvoices = new Dictionary<(int, int), long>();
        var hourInvoices = new Dictionary<(int, int, int), long>();
        var categoryInvoices = new Dictionary<(int, int, string), long>();
        using (var copy = PgBinaryCopyWriter.Begin(connection, "COPY totals_invoices FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((invoice, dateKey, storeId), t) in Transactions)
            {
                copy.StartRow(9);
                copy.Int32(retailerId);
                copy.Text(invoice);
                copy.Int32(dateKey);
                copy.Int32(storeId);
                if (t.CustomerId is { } customerId)
                    copy.Int32(customerId);
                else
                    copy.Null();
                copy.Timestamp(t.FirstAt);
                copy.Int64(t.Lines);
                copy.Numeric(t.Gross);
                copy.Int64(t.PricedLines);
                CollectionsMarshal.GetValueRefOrAddDefault(storeInvoices, (dateKey, storeId), out _)++;
                CollectionsMarshal.GetValueRefOrAddDefault(hourInvoices, (dateKey, storeId, t.FirstAt.Hour), out _)++;
                foreach (var category in t.Categories)
                    CollectionsMarshal.GetValueRefOrAddDefault(categoryInvoices, (dateKey, storeId, category), out _)++;
            }
            copy.Complete();
        }
        using (var copy = PgBinaryCopyWriter.Begin(connection, "COPY totals_store_days FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((dateKey, storeId), c) in StoreDays)
            {
                copy.StartRow(8);
                Integers(copy, dateKey, storeId, retailerId);
                Totals(copy, c.Lines, c.Quantity, c.Gross);
                copy.Int64(storeInvoices.GetValueOrDefault((dateKey, storeId)));
                copy.Int32Array(SortedIds(c));
            }
            copy.Complete();
        }
        using (var copy = PgBinaryCopyWriter.Begin(connection, "COPY totals_store_hours FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((dateKey, storeId, hour), gross) in StoreHours)
            {
                copy.StartRow(6);
                Integers(copy, dateKey, storeId, retailerId);
                copy.Int16((short)hour);
                copy.Int64(hourInvoices.GetValueOrDefault((dateKey, storeId, hour)));
                copy.Numeric(gross);
            }
            copy.Complete();
        }
        using (var copy = PgBinaryCopyWriter.Begin(connection, "COPY totals_product_days FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((dateKey, storeId, productId), c) in ProductDays)
            {
                copy.StartRow(7);
                Integers(copy, dateKey, storeId, productId, retailerId);
                Totals(copy, c.Lines, c.Quantity, c.Gross);
            }
            copy.Complete();
        }
        using (var copy = PgBinaryCopyWriter.Begin(connection, "COPY totals_category_days FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((dateKey, storeId, category), c) in CategoryDays)
            {
                copy.StartRow(8);
                Integers(copy, dateKey, storeId, retailerId);
                copy.Text(category);
                Totals(copy, c.Lines, null, c.Gross);
                copy.Int64(categoryInvoices.GetValueOrDefault((dateKey, storeId, category)));
                copy.Int32Array(SortedIds(c));
            }
            copy.Complete();
        }
    }

    private static void Integers(PgBinaryCopyWriter copy, params ReadOnlySpan<int> columns)
    {
        foreach (var column in columns)
            copy.Int32(column);
    }

    private static void Totals(PgBinaryCopyWriter copy, long lines, long? quantity, decimal gross)
    {
        copy.Int64(lines);
        if (quantity is { } sum)
            copy.Int64(sum);
        copy.Numeric(gross);
    }

    private static int[] SortedIds(Cell cell)
    {
        var ids = cell.Customers!.ToArray();
        Array.Sort(ids);
        return ids;
    }

    private static long AddTo<TKey>(Dictionary<TKey, Cell> cells, TKey key, int quantity, decimal lineAmount, int? customerId,
        bool countsCustomers) where TKey : notnull
    {
        long added = 0;
        ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, key, out var known);
        if (!known)
        {
            cell = new Cell(countsCustomers);
            added += 160;
        }
        cell!.Lines++;
        cell.Quantity += quantity;
        cell.Gross += lineAmount;
        if (customerId is { } customer && cell.Customers?.Add(customer) == true)
            added += 24;
        return added;
    }
}
