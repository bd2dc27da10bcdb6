using RetailInsights.Core.Ingestion;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>The limits of one load (configuration section "Ingestion", beside the intake's settings).</summary>
public sealed class LoadOptions
{
    public const string Section = "Ingestion";

    /// <summary>Above this share of rejected rows a file is refused whole (a wrong file, not a few bad lines).</summary>
    public double MaxRejectedShare { get; set; } = 0.5;

    /// <summary>Rejected lines kept per upload (the first ones, with their text); every rejected line is counted by reason.</summary>
    public long MaxRejectedRowsKept { get; set; } = 10_000;

    /// <summary>What a compressed file may expand to (default 2 GB): past it the file is refused.</summary>
    public long MaxDecompressedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// What one load may keep in memory to copy sales straight in (default 256 MB); a file that names more customers,
    /// products or lines loads through its staging table instead, at the same result. Beside it, half as much holds the
    /// file's sales between reading and copying them (past it the file is read a second time), and a quarter their totals
    /// for the summaries (past it the summaries read the sales back from the table).
    /// </summary>
    public long MaxLoadMemoryBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The last row number a sheet may use or declare (default: Excel's own limit).</summary>
    public int MaxExcelRows { get; set; } = 1_048_576;

    /// <summary>Cells a sheet's rows may span, blank ones included (see <see cref="ReadOptions.MaxExcelCells"/>).</summary>
    public long MaxExcelCells { get; set; } = 50_000_000;

    /// <summary>
    /// Wall-clock minutes one load may take (default 30): past them the load stops, the upload ends failed with the
    /// reason, and the worker is free for the next job.
    /// </summary>
    public double MaxLoadMinutes { get; set; } = 30;

    /// <summary>Seconds the Uploads page may spend reading a file's sheets or first rows before it gives up.</summary>
    public double MaxPreviewSeconds { get; set; } = 10;

    /// <summary>The options of a read with this configuration's limits, observing <paramref name="cancellationToken"/>.</summary>
    public ReadOptions Bounded(ReadOptions read, CancellationToken cancellationToken) => read with
    {
        MaxDecompressedBytes = MaxDecompressedBytes,
        MaxExcelRows = MaxExcelRows,
        MaxExcelCells = MaxExcelCells,
        Cancellation = cancellationToken,
    };
}
