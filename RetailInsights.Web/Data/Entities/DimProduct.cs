namespace RetailInsights.Web.Data.Entities;

public sealed class DimProduct
{
    public int ProductId { get; set; }
    public required string StockCode { get; set; }
    public string? Description { get; set; }
    public string? Category { get; set; }
    public decimal? BasePrice { get; set; }

    /// <summary>Postage, fees and adjustments: kept for revenue but left out of baskets and RFM.</summary>
    public bool IsNonProduct { get; set; }
}
