namespace RetailInsights.Core.Ingestion;

/// <summary>How to read one uploaded file.</summary>
public sealed record ReadOptions
{
    /// <summary>The file's kind, or null to detect it from the header.</summary>
    public UploadKind? Kind { get; init; }

    /// <summary>Store for lines of files without a store column (or with an empty one).</summary>
    public string? DefaultStoreCode { get; init; }

    /// <summary>
    /// The only stores the file's lines may name (those of the API key that sent it); a line of another store is rejected
    /// (<see cref="RejectReasons.StoreOutOfScope"/>). Null: any store.
    /// </summary>
    public IReadOnlySet<string>? AllowedStores { get; init; }

    /// <summary>For slashed dates when no value in the file proves the order.</summary>
    public DateOrder AmbiguousDateOrder { get; init; } = DateOrder.MonthFirst;

    /// <summary>The time of the upload: dates later than this (plus <see cref="FutureTolerance"/>) are rejected.</summary>
    public required DateTime Now { get; init; }

    /// <summary>Slack for clocks and time zones of store systems.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromDays(1);

    /// <summary>A longer line is hostile or broken input; the file is refused rather than buffered without end.</summary>
    public int MaxRecordBytes { get; init; } = 1024 * 1024;

    /// <summary>What a compressed file may expand to: past it the file is refused, however few bytes were sent.</summary>
    public long MaxDecompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// The sheet of an Excel workbook to read, by name or 1-based number; null reads the first sheet whose header maps
    /// (the first sheet, unless it is a cover or notes sheet).
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>An Excel workbook's distinct texts are held in memory while its rows stream: past this many bytes of them it is refused.</summary>
    public long MaxSharedStringBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>
    /// The source system's mapping and conventions, applied before the usual names and aliases; its date order,
    /// decimal separator and default store take the place of the file's guesses and of the settings above.
    /// </summary>
    public ColumnMapping? Mapping { get; init; }

    /// <summary>Rows scanned up front to tell day-first from month-first dates.</summary>
    public int DateOrderScanRows { get; init; } = 50_000;

    /// <summary>
    /// The last row number a sheet may use or declare (default: Excel's own limit). The reader yields a row for every
    /// row number it skips, so a sheet's row numbers bound its work, not its bytes.
    /// </summary>
    public int MaxExcelRows { get; init; } = 1_048_576;

    /// <summary>
    /// Cells a sheet's rows may span in all, blank ones included (rows walked times the sheet's width): a sheet that
    /// spreads a few values far apart is refused rather than walked cell by cell.
    /// </summary>
    public long MaxExcelCells { get; init; } = 50_000_000;

    /// <summary>Observed by every loop that reads the file, so a time limit frees the thread reading it.</summary>
    public CancellationToken Cancellation { get; init; }
}
