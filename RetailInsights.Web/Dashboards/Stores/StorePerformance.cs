namespace RetailInsights.Web.Dashboards.Stores;

public sealed record StorePerformance(
    string StoreCode,
    string? Name,
    string? City,
    string? Region,
    int? SizeSqFt,
    decimal GrossRevenue,
    decimal Refunds,
    long Transactions)
{
    public decimal NetRevenue => GrossRevenue - Refunds;

    public decimal? NetRevenuePerSqFt => SizeSqFt is > 0 ? NetRevenue / SizeSqFt.Value : null;
}
