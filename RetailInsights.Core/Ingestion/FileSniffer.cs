using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using RetailInsights.Core.Ingestion.Formats;

namespace RetailInsights.Core.Ingestion;

/// <summary>
/// Looks at the first bytes of a file before any parsing: empty, compressed, archived, binary, or text in UTF-8 (with
/// or without BOM) or a single-byte code page; and its format — CSV, a JSON array, JSON lines or an Excel workbook —
/// from its extension and its first bytes (inside a gzip too).
/// </summary>
public static class FileSniffer
{
    private const int SampleBytes = 64 * 1024;

    public sealed record Sniffed(bool Gzip, Encoding? Encoding, string EncodingName)
    {
        public FileFormat Format { get; init; } = FileFormat.Csv;
    }

    /// <param name="maxDecompressedBytes">What a compressed file may expand to, at most.</param>
    public static Sniffed Sniff(Func<Stream> openStream, string fileName, long maxDecompressedBytes = long.MaxValue)
    {
        var named = FormatNamed(fileName);
        byte[] head;
        int headLength;
        using (var raw = openStream())
        {
            head = new byte[4];
            headLength = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        if (headLength == 0)
            throw new FileRefusedException($"{fileName} is empty (0 bytes).");
        if (IsZip(head.AsSpan(0, headLength)))
            return SniffZip(openStream, fileName);
        var gzip = headLength >= 2 && head[0] == 0x1F && head[1] == 0x8B;

        using var text = gzip ? Decompress(openStream, maxDecompressedBytes, fileName) : openStream();
        var sample = new byte[SampleBytes];
        int length;
        try
        {
            length = text.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new FileRefusedException($"{fileName} looks compressed but is damaged: {e.Message}", e);
        }
        var bytes = sample.AsSpan(0, length);
        if (gzip && IsZip(bytes))
            throw new FileRefusedException(
                $"{fileName} is a ZIP archive (an Excel workbook?) inside gzip: upload the .xlsx itself, it is compressed already.");
        if (bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0)
            throw new FileRefusedException($"{fileName} holds no data (only blank lines).");
        if (bytes.Contains((byte)0))
            throw new FileRefusedException($"{fileName} is binary, not a CSV text file (it contains NUL bytes). Export the data as CSV and upload that.");
        var format = TextFormat(bytes, named, fileName);
        if (IsUtf8(bytes, complete: length < sample.Length))
            return new Sniffed(gzip, null, "UTF-8") { Format = format };
        var controls = 0;
        foreach (var b in bytes)
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n')
                controls++;
        if (controls > bytes.Length / 100)
            throw new FileRefusedException($"{fileName} is binary, not a CSV text file. Export the data as CSV and upload that.");
        // Not UTF-8 but plain text: a spreadsheet's single-byte export (e.g. '£' as 0xA3).
        return new Sniffed(gzip, Encoding.Latin1, "Latin-1") { Format = format };
    }

    /// <summary>The file's text bytes from the start: decompressed, and refused once past the limit.</summary>
    public static Stream Open(Func<Stream> openStream, Sniffed sniffed, long maxDecompressedBytes, string fileName) =>
        Decompressed(openStream(), sniffed, maxDecompressedBytes, fileName);

    /// <summary>The text bytes of an opened file (see <see cref="Open"/>).</summary>
    public static Stream Decompressed(Stream raw, Sniffed sniffed, long maxDecompressedBytes, string fileName) =>
        sniffed.Gzip ? new DecompressedLimit(new GZipStream(raw, CompressionMode.Decompress), maxDecompressedBytes, fileName) : raw;

    /// <summary>The format a file's name announces (a trailing .gz aside); null for CSV-like or unknown names.</summary>
    public static FileFormat? FormatNamed(string fileName)
    {
        var name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".json" => FileFormat.JsonArray,
            ".ndjson" or ".jsonl" => FileFormat.JsonLines,
            ".xlsx" => FileFormat.Xlsx,
            _ => null,
        };
    }

    private static bool IsZip(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;

    // A workbook is a ZIP archive holding xl/workbook.xml; any other archive is refused as before.
    private static Sniffed SniffZip(Func<Stream> openStream, string fileName)
    {
        try
        {
            using var zip = new ZipArchive(openStream(), ZipArchiveMode.Read);
            if (zip.GetEntry("xl/workbook.xml") is not null)
                return new Sniffed(false, null, "UTF-8") { Format = FileFormat.Xlsx };
        }
        catch (InvalidDataException e) when (FormatNamed(fileName) == FileFormat.Xlsx)
        {
            throw new FileRefusedException($"{fileName} is named .xlsx but is not a readable Excel workbook ({e.Message}).", e);
        }
        catch (InvalidDataException)
        {
            // Not even a readable archive: refused below as any ZIP file.
        }
        throw new FileRefusedException(
            $"{fileName} is a ZIP archive, not a CSV, JSON or Excel file: extract the CSV and upload it (or compress it as .csv.gz).");
    }

    // JSON is told by its first character whatever the name says (an API client may post events as "upload.csv"); a file
    // named .json that does not start like JSON is refused rather than read as CSV.
    private static FileFormat TextFormat(ReadOnlySpan<byte> bytes, FileFormat? named, string fileName)
    {
        var text = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        var first = text.IndexOfAnyExcept(" \t\r\n"u8);
        var format = first < 0 ? FileFormat.Csv : text[first] switch
        {
            (byte)'[' => FileFormat.JsonArray,
            (byte)'{' => FileFormat.JsonLines,
            _ => FileFormat.Csv,
        };
        if (named is FileFormat.JsonArray or FileFormat.JsonLines && format == FileFormat.Csv)
            throw new FileRefusedException($"{fileName} is named as JSON but does not start with '[' or '{{': it is not JSON.");
        if (named == FileFormat.Xlsx)
            throw new FileRefusedException($"{fileName} is named .xlsx but is not an Excel workbook (it is plain text).");
        return format;
    }

    private static Stream Decompress(Func<Stream> openStream, long maxDecompressedBytes, string fileName) =>
        Decompressed(openStream(), new Sniffed(true, null, ""), maxDecompressedBytes, fileName);

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        // A sample cut mid-character is still UTF-8: forgive up to three trailing bytes of an unfinished sequence.
        for (var cut = 0; cut <= (complete ? 0 : 3) && cut < bytes.Length; cut++)
            if (Utf8.IsValid(bytes[..^cut]))
                return true;
        return false;
    }
}
