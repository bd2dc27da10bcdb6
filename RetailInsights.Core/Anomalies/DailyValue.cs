namespace RetailInsights.Core.Anomalies;

/// <summary>One day's figure of a series (a store's or a product's revenue, say).</summary>
public readonly record struct DailyValue(DateOnly Date, decimal Value);
