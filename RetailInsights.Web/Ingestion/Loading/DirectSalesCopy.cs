using Npgsql;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Infrastructure.Postgres;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// Copies a file's sales straight into the sales table with binary COPY, their dimension ids resolved here: about
/// half the database's work of staging them and inserting from the stage. The sales are added up for the summaries on
/// the way (<see cref="SalesTotals"/>), which spares the database reading them back. COPY cannot skip a line already loaded,
/// so the caller runs it under a savepoint and falls back to the staged insert when the natural key refuses one.
/// </summary>
internal static class DirectSalesCopy
{
    private const string CopyCommand = """
        COPY fact_sales (invoice, product_id, date_key, customer_id, store_id, retailer_id, upload_id, quantity, unit_price,
            line_amount, invoiced_at, is_non_product, is_zero_price, line_occurrence)
        FROM STDIN (FORMAT BINARY)
        """;

    private const short Columns = 14;

    /// <param name="totals">Adds up each sale for the summaries while the bytes it holds fit the budget; set to null past it.</param>
    /// <returns>The number of sales copied.</returns>
    /// <exception cref="PostgresException">Unique violation when a line is already loaded; the copy is then void.</exception>
    public static long Copy(NpgsqlConnection connection, IEnumerable<TransactionRow> sales, DimensionIds ids, SaleOccurrences occurrences,
        long uploadId, ref SalesTotals? totals, MemoryBudget totalsBudget)
    {
        long copied = 0;
        using var copy = PgBinaryCopyWriter.Begin(connection, CopyCommand);
        foreach (var sale in sales)
        {
            var invoice = PgText.Clean(sale.Invoice);
            var productId = ids.Products[PgText.Clean(sale.StockCode)];
            var dateKey = sale.InvoicedAt.Year * 10000 + sale.InvoicedAt.Month * 100 + sale.InvoicedAt.Day;
            int? customerId = sale.CustomerId is { } customer ? ids.Customers[PgText.Clean(customer)] : null;
            var storeId = ids.Stores[PgText.Clean(sale.StoreCode)];
            var lineAmount = sale.Quantity * sale.UnitPrice;
            copy.StartRow(Columns);
            copy.Text(invoice);
            copy.Int32(productId);
            copy.Int32(dateKey);
            if (customerId is { } id)
                copy.Int32(id);
            else
                copy.Null();
            copy.Int32(storeId);
            copy.Int32(ids.RetailerId);
            copy.Int64(uploadId);
            copy.Int32(sale.Quantity);
            copy.Numeric(sale.UnitPrice);
            copy.Numeric(lineAmount);
            copy.Timestamp(sale.InvoicedAt);
            copy.Boolean(sale.Flags.HasFlag(RowFlags.NonProduct));
            copy.Boolean(sale.UnitPrice == 0);
            copy.Int32(occurrences.Next(sale));
            if (totals is not null && !totalsBudget.TrySpend(totals.Add(invoice, dateKey, storeId, productId, customerId, sale.InvoicedAt,
                    sale.Quantity, sale.UnitPrice, lineAmount)))
                totals = null;
            copied++;
        }
        copy.Complete();
        return copied;
    }
}
