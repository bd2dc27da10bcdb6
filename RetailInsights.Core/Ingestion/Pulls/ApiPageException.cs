namespace RetailInsights.Core.Ingestion.Pulls;

/// <summary>An API page that cannot be taken as records, and why, in words for the admin who set the endpoint up.</summary>
public sealed class ApiPageException(string message) : Exception(message);
