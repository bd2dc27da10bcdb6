namespace RetailInsights.Web.Data.Entities;

public static class UploadKinds
{
    public const string Transactions = "transactions";
    public const string Refunds = "refunds";
    public const string ProductCatalog = "product_catalog";
    public const string StoreLocations = "store_locations";

    public static readonly IReadOnlyList<string> All = [Transactions, Refunds, ProductCatalog, StoreLocations];
}
