namespace RetailInsights.Web.Data.Entities;

/// <summary>
/// One saved version of a source system's mapping and conventions. Every save adds a version and none is changed
/// afterwards, so an upload's recorded version says exactly how its file was read.
/// </summary>
public sealed class SourceMapping
{
    public long SourceMappingId { get; set; }

    /// <summary>The source system (a row of dim_retailer).</summary>
    public int RetailerId { get; set; }

    /// <summary>1, 2, 3… per source.</summary>
    public int Version { get; set; }

    /// <summary>Source header name → canonical column name.</summary>
    public Dictionary<string, string> Columns { get; set; } = [];

    /// <summary>"month-first", "day-first", or null to tell from each file.</summary>
    public string? DateOrder { get; set; }

    /// <summary>"." or ",", or null to follow each file's separator.</summary>
    public string? DecimalSeparator { get; set; }

    /// <summary>IANA zone of the source's shops, e.g. Asia/Jakarta.</summary>
    public string? TimeZone { get; set; }

    public string? DefaultStoreCode { get; set; }

    /// <summary>The file kinds the source sends (upload kind names); empty for any.</summary>
    public List<string> Kinds { get; set; } = [];

    public required string SavedBy { get; set; }
    public DateTime SavedAt { get; set; }
}
