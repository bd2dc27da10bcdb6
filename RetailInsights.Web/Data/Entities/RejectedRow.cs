namespace RetailInsights.Web.Data.Entities;

/// <summary>A line of an upload that was not loaded, kept with its raw text so nothing is lost.</summary>
public sealed class RejectedRow
{
    public long RejectedRowId { get; set; }
    public long UploadId { get; set; }
    public long LineNumber { get; set; }
    public required string RawText { get; set; }
    public required string[] ReasonCodes { get; set; }
}
