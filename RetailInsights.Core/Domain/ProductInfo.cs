namespace RetailInsights.Core.Domain;

/// <summary>A catalog entry: what the product_catalog.csv file and the dim_product table hold.</summary>
public sealed record ProductInfo(string StockCode, string Description, string Category, decimal BasePrice);
