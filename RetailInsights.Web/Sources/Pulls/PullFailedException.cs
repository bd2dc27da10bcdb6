namespace RetailInsights.Web.Sources.Pulls;

/// <summary>A pull that cannot go on, and why, in words for the admin who reads it on the Data quality page.</summary>
public sealed class PullFailedException(string message) : Exception(message);
