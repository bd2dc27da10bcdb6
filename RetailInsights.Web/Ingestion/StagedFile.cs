namespace RetailInsights.Web.Ingestion;

/// <summary>A file streamed to the staging folder, with the size and SHA-256 measured while it was written.</summary>
public sealed record StagedFile(string Path, string OriginalName, long SizeBytes, string Sha256);
