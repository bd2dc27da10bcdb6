namespace RetailInsights.Web.Segments;

/// <summary>A customer's recency (days since the last purchase), frequency (invoices) and monetary value (spend).</summary>
public sealed record RfmValue(string CustomerCode, int RecencyDays, int Frequency, decimal Monetary);
