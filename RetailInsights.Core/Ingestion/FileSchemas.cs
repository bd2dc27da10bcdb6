namespace RetailInsights.Core.Ingestion;

/// <summary>
/// The columns of each file kind, with the spellings seen in real exports and the field names of the live events
/// (<c>transaction_id, product_id, store_id, customer_id, quantity, unit_price, amount, timestamp</c>; <c>refund_id,
/// original_transaction_id, refund_amount, reason</c>), so a JSON file of events maps with no mapping.
/// </summary>
public static class FileSchemas
{
    public static class Transactions
    {
        public static readonly ColumnSpec Invoice = new("Invoice", true, "InvoiceNo", "Invoice Number", "Receipt", "ReceiptNo", "TransactionId");
        public static readonly ColumnSpec StockCode = new("StockCode", true, "Stock Code", "SKU", "ProductCode", "ItemCode", "ProductId");
        public static readonly ColumnSpec Description = new("Description", false, "ProductName", "ItemName");
        public static readonly ColumnSpec LineAmount = new("LineAmount", false, "Line Total", "LineTotal", "TotalPrice", "Amount");
        public static readonly ColumnSpec Quantity = new("Quantity", true, "Qty") { DerivableFrom = LineAmount };
        public static readonly ColumnSpec InvoiceDate = new("InvoiceDate", true, "Invoice Date", "Date", "TransactionDate", "Timestamp");
        public static readonly ColumnSpec Price = new("Price", true, "UnitPrice", "Unit Price") { DerivableFrom = LineAmount };
        public static readonly ColumnSpec CustomerId = new("Customer ID", false, "CustomerID", "Customer", "CustomerNo");
        public static readonly ColumnSpec Country = new("Country", false);
        public static readonly ColumnSpec StoreCode = new("StoreId", false, "Store", "StoreCode", "Store No", "Outlet");

        public static readonly IReadOnlyList<ColumnSpec> All =
            [Invoice, StockCode, Description, Quantity, InvoiceDate, Price, CustomerId, Country, StoreCode, LineAmount];
    }

    public static class Refunds
    {
        public static readonly ColumnSpec RefundId = new("RefundId", true, "Refund", "RefundNo", "ReturnId");
        public static readonly ColumnSpec Invoice = new("Invoice", true, "InvoiceNo", "OriginalInvoice", "OriginalTransactionId");
        public static readonly ColumnSpec StockCode = new("StockCode", true, "SKU", "ProductCode", "ProductId");
        public static readonly ColumnSpec Amount = new("Amount", true, "RefundAmount");
        public static readonly ColumnSpec Quantity = new("Quantity", true, "Qty") { DerivableFrom = Amount };
        public static readonly ColumnSpec Reason = new("Reason", true, "RefundReason", "ReturnReason");
        public static readonly ColumnSpec RefundedAt = new("RefundedAt", true, "RefundDate", "Date", "Timestamp");
        public static readonly ColumnSpec StoreCode = new("StoreId", false, "Store", "StoreCode");
        public static readonly ColumnSpec CustomerId = new("Customer ID", false, "CustomerID", "Customer");

        public static readonly IReadOnlyList<ColumnSpec> All =
            [RefundId, Invoice, StockCode, Quantity, Amount, Reason, RefundedAt, StoreCode, CustomerId];
    }

    public static class ProductCatalog
    {
        public static readonly ColumnSpec StockCode = new("StockCode", true, "SKU", "ProductCode", "ItemCode", "ProductId");
        public static readonly ColumnSpec Description = new("Description", false, "ProductName", "Name");
        public static readonly ColumnSpec Category = new("Category", true, "ProductCategory");
        public static readonly ColumnSpec BasePrice = new("BasePrice", false, "Price", "ListPrice");

        public static readonly IReadOnlyList<ColumnSpec> All = [StockCode, Description, Category, BasePrice];
    }

    public static class StoreLocations
    {
        public static readonly ColumnSpec StoreCode = new("StoreId", true, "Store", "StoreCode");
        public static readonly ColumnSpec StoreName = new("StoreName", false, "Name");
        public static readonly ColumnSpec City = new("City", true);
        public static readonly ColumnSpec Region = new("Region", true, "Province", "State");
        public static readonly ColumnSpec SizeSqFt = new("SizeSqFt", false, "Size", "SquareFeet", "Sq Ft");

        public static readonly IReadOnlyList<ColumnSpec> All = [StoreCode, StoreName, City, Region, SizeSqFt];
    }

    public static IReadOnlyList<ColumnSpec> For(UploadKind kind) => kind switch
    {
        UploadKind.Transactions => Transactions.All,
        UploadKind.Refunds => Refunds.All,
        UploadKind.ProductCatalog => ProductCatalog.All,
        UploadKind.StoreLocations => StoreLocations.All,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
