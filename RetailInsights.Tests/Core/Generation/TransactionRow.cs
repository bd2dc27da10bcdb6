namespace RetailInsights.Tests.Core.Generation;

/// <summary>A transactions line as read back from a generated file.</summary>
public sealed record TransactionRow(
    string Invoice, string StockCode, string Description, int Quantity, DateTime InvoiceDate, decimal Price,
    string CustomerId, string Country, string StoreId, DateOnly FileDate)
{
    public bool IsCancellation => Invoice.StartsWith('C');
}
