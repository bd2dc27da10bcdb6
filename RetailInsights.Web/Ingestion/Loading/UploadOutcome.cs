using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>Where an upload ended: what the import command prints and the API returns.</summary>
public sealed record UploadOutcome(
    long UploadId,
    string FileName,
    string Status,
    string Kind,
    long Rows,
    long Accepted,
    long Rejected,
    long Duplicates,
    long Flagged,
    IReadOnlyDictionary<string, long> Reasons,
    string? Message,
    double Seconds,
    string? Sheet = null)
{
    public bool IsRefusedWhole => Status is UploadStatuses.Refused or UploadStatuses.Failed;

    /// <summary>The outcome an uploads row records; rejected lines by reason come from its quality report (exact for all lines).</summary>
    public static UploadOutcome From(Upload upload, string? message = null) =>
        new(upload.UploadId, upload.FileName, upload.Status, upload.Kind, upload.RowsRead, upload.RowsAccepted,
            upload.RowsRejected, upload.RowsDuplicate, upload.RowsFlagged,
            new SortedDictionary<string, long>(DataQualityReport.FromJson(upload.QualityReport)?.RejectedByReason ?? [], StringComparer.Ordinal),
            message ?? upload.ErrorText,
            upload.StartedAt is { } started && upload.FinishedAt is { } finished ? (finished - started).TotalSeconds : 0,
            upload.ExcelSheet);
}
