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
}
