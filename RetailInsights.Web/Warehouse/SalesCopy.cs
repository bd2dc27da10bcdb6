using Npgsql;
using RetailInsights.Web.Infrastructure.Postgres;

namespace RetailInsights.Web.Warehouse;

/// <summary>A sales line whose dimension ids are known, as <see cref="SalesCopy"/> writes it; the other columns follow from these.</summary>
public readonly record struct SaleFact(string Invoice, int ProductId, int? CustomerId, int StoreId, int RetailerId, long UploadId, int Quantity,
    decimal UnitPrice, DateTime InvoicedAt, bool IsNonProduct, int LineOccurrence)
{
    public int DateKey => DateKeys.Of(InvoicedAt);

    public decimal LineAmount => Quantity * UnitPrice;
}

/// <summary>
/// Sales copied straight into <c>fact_sales</c> with binary COPY, the columns and their derivations as
/// <see cref="FactRows"/> has them. COPY cannot skip a line already loaded: a unique violation voids the copy, so the
/// caller runs it under a savepoint and falls back to <see cref="FactRows.InsertSales"/> when the natural key refuses one.
/// </summary>
internal sealed class SalesCopy : IDisposable
{
    private const short Columns = 14;

    private readonly PgBinaryCopyWriter _copy;

    private SalesCopy(PgBinaryCopyWriter copy) => _copy = copy;

    public static SalesCopy Begin(NpgsqlConnection connection) => new(PgBinaryCopyWriter.Begin(connection, FactRows.CopySales));

    public void Write(in SaleFact sale)
    {
        _copy.StartRow(Columns);
        _copy.Text(sale.Invoice);
        _copy.Int32(sale.ProductId);
        _copy.Int32(sale.DateKey);
        if (sale.CustomerId is { } customerId)
            _copy.Int32(customerId);
        else
            _copy.Null();
        _copy.Int32(sale.StoreId);
        _copy.Int32(sale.RetailerId);
        _copy.Int64(sale.UploadId);
        _copy.Int32(sale.Quantity);
        _copy.Numeric(sale.UnitPrice);
        _copy.Numeric(sale.LineAmount);
        _copy.Timestamp(sale.InvoicedAt);
        _copy.Boolean(sale.IsNonProduct);
        _copy.Boolean(sale.UnitPrice == 0);
        _copy.Int32(sale.LineOccurrence);
    }

    /// <exception cref="PostgresException">Unique violation when a line is already loaded; the copy is then void.</exception>
    public void Complete() => _copy.Complete();

    public void Dispose() => _copy.Dispose();
}
