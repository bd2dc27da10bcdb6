namespace RetailInsights.Web.Sources.Pulls;

public static class PullStatuses
{
    /// <summary>New records came and loaded; the cursor moved past them.</summary>
    public const string Loaded = "loaded";

    /// <summary>The API had nothing after the cursor.</summary>
    public const string NothingNew = "nothing_new";

    /// <summary>The pull stopped with an error; whole pages fetched before it may have loaded (see the upload).</summary>
    public const string Failed = "failed";

    /// <summary>Another pull of the source was running; this one did nothing.</summary>
    public const string Busy = "busy";

    /// <summary>The source has no endpoint (it was removed).</summary>
    public const string NoEndpoint = "no_endpoint";
}

/// <summary>How one pull ended: what the command prints and the job logs.</summary>
public sealed record PullOutcome(
    string Source,
    string Status,
    int Pages,
    int Records,
    long? UploadId,
    string? UploadStatus,
    long Accepted,
    long Duplicates,
    string? CursorBefore,
    string? CursorAfter,
    string Message);
