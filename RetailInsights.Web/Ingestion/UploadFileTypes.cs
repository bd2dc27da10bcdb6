namespace RetailInsights.Web.Ingestion;

/// <summary>
/// The file names the drop folder and the import command take from a folder, and the upload page offers: the reader
/// tells the format from the content, so this list only keeps unrelated files out.
/// </summary>
public static class UploadFileTypes
{
    private static readonly string[] TextExtensions = [".csv", ".txt", ".tsv", ".json", ".ndjson", ".jsonl"];

    /// <summary>An Excel workbook is a ZIP archive already: a gzip of it is refused, so it is not offered.</summary>
    private const string Workbook = ".xlsx";

    /// <summary>For the file picker's accept attribute.</summary>
    public static string Accept => string.Join(',', TextExtensions.Append(Workbook).Append(".gz"));

    /// <summary>Named as an Excel workbook: the upload page asks which of its sheets to load.</summary>
    public static bool IsWorkbook(string path) => Path.GetExtension(path).Equals(Workbook, StringComparison.OrdinalIgnoreCase);

    public static bool IsUploadFile(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        var extension = Path.GetExtension(name);
        return TextExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            || (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && extension.Equals(Workbook, StringComparison.OrdinalIgnoreCase));
    }
}
