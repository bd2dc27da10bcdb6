namespace RetailInsights.Core.Segmentation;

/// <summary>A customer's recency (days since the last purchase), frequency (invoices) and monetary value (spend).</summary>
public sealed record RfmValues(string CustomerId, int RecencyDays, int Frequency, decimal Monetary);
