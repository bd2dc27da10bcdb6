namespace RetailInsights.Web.Ingestion;

/// <summary>
/// What the uploads list asks for: a page (from 0) of a size, sorted by one of its columns, and filtered by statuses
/// (<see cref="Stuck"/> among them for unfinished uploads past their time), a kind, and text in the file name.
/// </summary>
public sealed record UploadListRequest(int Page, int PageSize)
{
    /// <summary>Not a status of its own: unfinished uploads past Ingestion:StuckAfterMinutes.</summary>
    public const string Stuck = "stuck";

    /// <summary>The longest file-name filter that is used (file names hold up to 512 characters).</summary>
    public const int MaxFileNameFilter = 200;

    /// <summary>A column of <see cref="Data.Entities.Upload"/> by name; the list sorts by the ones it shows, newest first otherwise.</summary>
    public string? SortBy { get; init; }

    public bool Descending { get; init; }

    public IReadOnlyList<string> Statuses { get; init; } = [];

    public string? Kind { get; init; }

    public string? FileNameContains
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var text && text.Length > MaxFileNameFilter ? text[..MaxFileNameFilter] : text;
    }
}

/// <summary>One page of a list, and how many rows the whole filtered list holds.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Rows, int Total);
