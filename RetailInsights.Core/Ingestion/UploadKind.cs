namespace RetailInsights.Core.Ingestion;

/// <summary>The four kinds of file that stores send.</summary>
public enum UploadKind
{
    Transactions,
    Refunds,
    ProductCatalog,
    StoreLocations,
}
