using RetailInsights.Web.Data.Entities;

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
    double Seconds)
{
    public bool IsRefusedWhole => Status is UploadStatuses.Refused or UploadStatuses.Failed;

    public static UploadOutcome From(Upload upload, IReadOnlyDictionary<string, long> reasons, string? message = null) =>
        new(upload.UploadId, upload.FileName, upload.Status, upload.Kind, upload.RowsRead, upload.RowsAccepted,
            upload.RowsRejected, upload.RowsDuplicate, upload.RowsFlagged, reasons, message ?? upload.ErrorText,
            upload.StartedAt is { } started && upload.FinishedAt is { } finished ? (finished - started).TotalSeconds : 0);
}
