namespace RetailInsights.Web.Ingestion;

public sealed class UploadTooLargeException(string fileName, long maxBytes)
    : Exception($"{fileName} is larger than the {maxBytes / (1024 * 1024):N0} MB limit; split it into daily files or ask an admin to raise Ingestion:MaxUploadBytes.");
