namespace RetailInsights.Web.Data.Entities;

public static class UploadKinds
{
    public const string Transactions = "transactions";
    public const string Refunds = "refunds";
    public const string ProductCatalog = "product_catalog";
    public const string StoreLocations = "store_locations";

    /// <summary>A source system's live point-of-sale events: one such row per source, which its live facts belong to.</summary>
    public const string Events = "events";

    /// <summary>Not known yet (queued, detection pending) or never known (the file was refused before its header).</summary>
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> All = [Transactions, Refunds, ProductCatalog, StoreLocations, Events, Unknown];

    public static string Of(RetailInsights.Core.Ingestion.UploadKind kind) => kind switch
    {
        RetailInsights.Core.Ingestion.UploadKind.Transactions => Transactions,
        RetailInsights.Core.Ingestion.UploadKind.Refunds => Refunds,
        RetailInsights.Core.Ingestion.UploadKind.ProductCatalog => ProductCatalog,
        _ => StoreLocations,
    };

    public static RetailInsights.Core.Ingestion.UploadKind? Parse(string? kind) => kind switch
    {
        Transactions => RetailInsights.Core.Ingestion.UploadKind.Transactions,
        Refunds => RetailInsights.Core.Ingestion.UploadKind.Refunds,
        ProductCatalog => RetailInsights.Core.Ingestion.UploadKind.ProductCatalog,
        StoreLocations => RetailInsights.Core.Ingestion.UploadKind.StoreLocations,
        _ => null,
    };
}
