namespace RetailInsights.Core.Generation;

/// <summary>One line of a generated invoice; <paramref name="ProductIndex"/> is -1 for an admin fee.</summary>
internal readonly record struct SaleLine(int ProductIndex, string StockCode, string Description, int Quantity, decimal Price);
