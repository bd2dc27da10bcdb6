using Npgsql;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Infrastructure.Postgres;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// Copies a file's sales straight into the sales table (<see cref="SalesCopy"/>), their dimension ids resolved here:
/// less of the database's work than staging them and inserting from the stage. The sales are added up for the summaries on
/// the way (<see cref="SalesTotals"/>), which spares the database reading them back. COPY cannot skip a line already loaded,
/// so the caller runs it under a savepoint and falls back to the staged insert when the natural key refuses one.
/// </summary>
internal static class DirectSalesCopy
{
    /// <param name="totals">Adds up each sale for the summaries while the bytes it holds fit the budget; set to null past it.</param>
    /// <returns>The number of sales copied.</returns>
    /// <exception cref="PostgresException">Unique violation when a line is already loaded; the copy is then void.</exception>
    public static long Copy(NpgsqlConnection connection, IEnumerable<TransactionRow> sales, DimensionIds ids, SaleOccurrences occurrences,
        long uploadId, ref SalesTotals? totals, MemoryBudget totalsBudget)
    {
        long copied = 0;
        using var copy = SalesCopy.Begin(connection);
        foreach (var sale in sales)
        {
            int? customerId = sale.CustomerId is { } customer ? ids.Customers[PgText.Clean(customer)] : null;
            var fact = new SaleFact(PgText.Clean(sale.Invoice), ids.Products[PgText.Clean(sale.StockCode)], customerId,
                ids.Stores[PgText.Clean(sale.StoreCode)], ids.RetailerId, uploadId, sale.Quantity, sale.UnitPrice, sale.InvoicedAt,
                sale.Flags.HasFlag(RowFlags.NonProduct), occurrences.Next(sale));
            copy.Write(fact);
            if (totals is not null && !totalsBudget.TrySpend(totals.Add(fact.Invoice, fact.DateKey, fact.StoreId, fact.ProductId, fact.CustomerId,
                    fact.InvoicedAt, fact.Quantity, fact.UnitPrice, fact.LineAmount)))
                totals = null;
            copied++;
        }
        copy.Complete();
        return copied;
    }
}
