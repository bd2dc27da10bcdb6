namespace RetailInsights.Core.Ingestion.Pulls;

/// <summary>One page of a retailer API's answer: its records, and the address of the next page when the API gives one.</summary>
public sealed record ApiPage(IReadOnlyList<ApiRecord> Records, string? Next);

/// <summary>A record as one compact line of JSON (ready for an NDJSON file), and its cursor field's value as the API wrote it.</summary>
public sealed record ApiRecord(byte[] Json, string Cursor);
