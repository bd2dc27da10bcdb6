namespace RetailInsights.Web.Data.Entities;

/// <summary>One file brought in by a person, the API or the drop folder, with what became of it.</summary>
public sealed class Upload
{
    public long UploadId { get; set; }
    public required string FileName { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes: the same file is loaded once.</summary>
    public required string Sha256 { get; set; }
    public required string Kind { get; set; }
    public required string Status { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public long RowsRead { get; set; }
    public long RowsAccepted { get; set; }
    public long RowsRejected { get; set; }
    public long RowsDuplicate { get; set; }
    public long RowsFlagged { get; set; }
    public string? ErrorText { get; set; }

    public List<RejectedRow> RejectedRows { get; set; } = [];
}
