namespace RetailInsights.Web.Dashboards.Quality;

/// <summary>How the page writes a share of rows.</summary>
public static class QualityShare
{
    /// <summary>
    /// One decimal, as elsewhere, except that a share short of all never reads "100.0 %": 75,948 of 75,955 rows is
    /// "99.9 %", or the few rows lost would not show.
    /// </summary>
    public static string Format(double share) =>
        share < 1 && Math.Round(share, 3) >= 1 ? "99.9 %" : Infrastructure.Format.Percent(share);
}

/// <summary>The uploads of a range, counted: files and how they ended, and rows and what became of them.</summary>
public sealed record UploadTotals(long Files, long Loaded, long FailedOrRefused, long RowsRead, long RowsTaken, long RowsRejected,
    long RowsDuplicate)
{
    public static readonly UploadTotals None = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Rows that are in the warehouse (new or already there) of all rows read; null when no row was read.</summary>
    public double? AcceptedShare => RowsRead == 0 ? null : (double)RowsTaken / RowsRead;
}

/// <summary>The range's totals beside those of the same number of days before.</summary>
public sealed record QualityTotals(UploadTotals Current, UploadTotals Previous);

/// <summary>One load as its report tells it, for the per-load charts.</summary>
public sealed record LoadQuality(
    long UploadId,
    string FileName,
    string Kind,
    string Status,
    string Source,
    DateTime UploadedAt,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    long RowsDuplicate,
    IReadOnlyDictionary<string, long> RejectedByReason,
    IReadOnlyDictionary<string, double> Completeness)
{
    /// <summary>Rows loaded now or already loaded, of the rows read (a failed file took none); null when none was read.</summary>
    public double? AcceptedShare => RowsRead == 0 ? null : (double)(RowsAccepted + RowsDuplicate) / RowsRead;

    /// <summary>The load as a chart's axis names it, oldest first.</summary>
    public string Label => $"#{UploadId}";
}

/// <summary>The loads charted (the latest ones of the range, oldest first) and how many the range holds in all.</summary>
public sealed record LoadsInRange(IReadOnlyList<LoadQuality> Loads, long Total)
{
    public bool Capped => Total > Loads.Count;
}

/// <summary>Rejected rows under one reason over the range (a row with two reasons counts under both), and in how many loads.</summary>
public sealed record ReasonTotal(string Reason, long Rows, long Loads);

/// <summary>How complete one column of one kind of file was over the range: the lowest load, and all rows together.</summary>
public sealed record ColumnCompleteness(string Kind, string Column, double Lowest, double Overall, long Loads, long LoadsIncomplete);

/// <summary>
/// One source system: its latest sale day in the summaries, its latest file and when one last loaded, when its
/// latest live event arrived (null: none in the days the live events are kept), and its pulls when it has an endpoint.
/// </summary>
public sealed record SourceFreshness(
    string Source,
    DateOnly? LatestSaleDay,
    long? LastUploadId,
    string? LastUploadFile,
    string? LastUploadStatus,
    DateTime? LastUploadAt,
    DateTime? LastLoadedAt,
    DateTime? LastEventAt,
    SourcePulls? Pulls = null)
{
    public int? DaysBehind(DateOnly today) => LatestSaleDay is { } day ? today.DayNumber - day.DayNumber : null;
}

/// <summary>How a source's pulls from its endpoint stand: failing (with why, since when) or not.</summary>
public sealed record SourcePulls(DateTime? LastAttemptAt, DateTime? LastSuccessAt, string? Error, DateTime? FailingSince, int LastRecords)
{
    public bool IsFailing => Error is not null;
}

/// <summary>A file that failed or was refused, with why.</summary>
public sealed record FailedUpload(long UploadId, string FileName, string Kind, string Status, string Source, DateTime UploadedAt, string? Error);
