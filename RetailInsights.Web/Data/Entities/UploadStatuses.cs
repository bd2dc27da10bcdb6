namespace RetailInsights.Web.Data.Entities;

public static class UploadStatuses
{
    public const string Queued = "queued";
    public const string Parsing = "parsing";
    public const string Loading = "loading";
    public const string Loaded = "loaded";
    public const string Failed = "failed";
    public const string Refused = "refused";

    public static readonly IReadOnlyList<string> All = [Queued, Parsing, Loading, Loaded, Failed, Refused];
}
