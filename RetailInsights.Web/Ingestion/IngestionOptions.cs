namespace RetailInsights.Web.Ingestion;

/// <summary>How files come in: where they wait, where store systems drop them, how large they may be.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Where uploaded files are streamed before a job loads them (relative paths: from the content root).</summary>
    public string StagingPath { get; set; } = "data/staging";

    /// <summary>Folder scanned by a recurring job for files that store systems drop there.</summary>
    public string DropFolder { get; set; } = "data/inbox";

    /// <summary>Cron of the drop-folder scan (default: every five minutes).</summary>
    public string DropFolderCron { get; set; } = "*/5 * * * *";

    /// <summary>Largest file accepted, in bytes (default 512 MB).</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Days a failed upload's staged file is kept for an admin to download; loaded and refused ones go at once.</summary>
    public int KeepFailedDays { get; set; } = 7;

    /// <summary>Cron of the staging folder's clean-up (default: hourly).</summary>
    public string StagingCleanupCron { get; set; } = "17 * * * *";

    /// <summary>An upload waiting or loading longer than this is shown as stuck, for an admin to retry or cancel.</summary>
    public int StuckAfterMinutes { get; set; } = 60;
}
