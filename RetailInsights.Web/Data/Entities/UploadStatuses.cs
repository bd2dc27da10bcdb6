namespace RetailInsights.Web.Data.Entities;

public static class UploadStatuses
{
    public const string Queued = "queued";
    public const string Parsing = "parsing";
    public const string Loading = "loading";
    public const string Loaded = "loaded";
    public const string Failed = "failed";
    public const string Refused = "refused";

    /// <summary>Was loaded, then a corrected file took its place: its rows are gone, its history stays.</summary>
    public const string Replaced = "replaced";

    public static readonly IReadOnlyList<string> All = [Queued, Parsing, Loading, Loaded, Failed, Refused, Replaced];

    /// <summary>
    /// An upload in these statuses holds its content: no other upload of the same bytes may be taken in meanwhile
    /// (a unique index over uploads in these statuses decides).
    /// </summary>
    public const string HoldingContentSql = $"status IN ('{Queued}', '{Parsing}', '{Loading}', '{Loaded}')";

    /// <summary>An upload on its way, not final yet: queued, or being read or loaded.</summary>
    public const string InProgressSql = $"status IN ('{Queued}', '{Parsing}', '{Loading}')";

    public static bool IsFinal(string status) => status is Loaded or Failed or Refused or Replaced;
}
