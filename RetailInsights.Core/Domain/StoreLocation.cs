namespace RetailInsights.Core.Domain;

/// <summary>A store location: what the store_locations.csv file and the dim_store table hold.</summary>
public sealed record StoreLocation(string StoreCode, string Name, string City, string Region, int SizeSqFt);
