namespace RetailInsights.Web.Data.Entities;

public sealed class DimStore
{
    public int StoreId { get; set; }

    /// <summary>The store's own code (e.g. JKT-01) as it appears in files.</summary>
    public required string StoreCode { get; set; }
    public string? Name { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public int? SizeSqFt { get; set; }
}
