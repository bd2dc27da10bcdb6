namespace RetailInsights.Core.Domain;

/// <summary>
/// The canonical headers of the four file kinds, as the generator writes them. Readers accept these and
/// the real-world spellings listed beside them in the ingestion header map.
/// </summary>
public static class CsvLayouts
{
    /// <summary>UCI Online Retail II layout plus the store the sale was made in.</summary>
    public static readonly IReadOnlyList<string> Transactions =
        ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country", "StoreId"];

    public static readonly IReadOnlyList<string> Refunds =
        ["RefundId", "Invoice", "StockCode", "Quantity", "Amount", "Reason", "RefundedAt", "StoreId", "Customer ID"];

    public static readonly IReadOnlyList<string> ProductCatalog = ["StockCode", "Description", "Category", "BasePrice"];

    public static readonly IReadOnlyList<string> StoreLocations = ["StoreId", "StoreName", "City", "Region", "SizeSqFt"];

    /// <summary>Timestamps are written as <c>yyyy-MM-dd HH:mm:ss</c>, numbers with the invariant culture.</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";
}
