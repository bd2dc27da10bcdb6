namespace RetailInsights.Core.CustomerValue;

/// <summary>One sale line of a known customer: the day it was sold and its amount (quantity × price).</summary>
public readonly record struct PurchaseLine(string CustomerId, DateOnly Day, decimal Amount);
