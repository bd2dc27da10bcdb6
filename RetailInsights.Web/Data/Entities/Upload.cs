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

    /// <summary>The API key that sent the file, when a machine did: a key sees only its own uploads.</summary>
    public int? ApiKeyId { get; set; }
    public DateTime UploadedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public long RowsRead { get; set; }
    public long RowsAccepted { get; set; }
    public long RowsRejected { get; set; }
    public long RowsDuplicate { get; set; }
    public long RowsFlagged { get; set; }
    public string? ErrorText { get; set; }

    /// <summary>Where the file waits on disk until its job loads it.</summary>
    public string? StagedPath { get; set; }

    /// <summary>The kind the uploader chose, or null to detect it from the header.</summary>
    public string? RequestedKind { get; set; }

    /// <summary>Store for lines of files that carry no store column.</summary>
    public string? DefaultStoreCode { get; set; }

    /// <summary>How slashed dates are read when the file does not prove it: "month-first" or "day-first".</summary>
    public string? DateOrder { get; set; }

    /// <summary>The source system: facts from different retailers never count as duplicates of each other.</summary>
    public string RetailerCode { get; set; } = "default";

    /// <summary>The version of the source's mapping the file is read with (null: no mapping, the usual names only).</summary>
    public int? MappingVersion { get; set; }

    /// <summary>The Excel sheet the uploader chose, as the workbook names it (null: the sheet a load reads by itself).</summary>
    public string? RequestedSheet { get; set; }

    /// <summary>The Excel sheet the load read (null: not a workbook, or not read yet).</summary>
    public string? ExcelSheet { get; set; }

    public short ProgressPercent { get; set; }

    /// <summary>The loaded upload this one corrects: its rows are removed in the transaction that loads these.</summary>
    public long? ReplacesUploadId { get; set; }

    /// <summary>The uploader confirmed the replacement although the new file's days or source differ from the old's.</summary>
    public bool ReplaceConfirmed { get; set; }

    /// <summary>The data-quality report of the load, as JSON.</summary>
    public string? QualityReport { get; set; }

    public List<RejectedRow> RejectedRows { get; set; } = [];
}
