namespace RetailInsights.Web.Analytics;

/// <summary>What to analyse: as of which day (default: the day after the latest invoice) and with which thresholds.</summary>
public sealed record AnalyticsRequest(string RequestedBy, DateOnly? AsOf = null, double? MinSupport = null, double? MinConfidence = null);
