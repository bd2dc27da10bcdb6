namespace RetailInsights.Core.Ingestion;

/// <summary>A file that cannot be read at all (empty, binary, unmappable header): refused whole, nothing loaded.</summary>
public sealed class FileRefusedException(string message, Exception? inner = null) : Exception(message, inner);
