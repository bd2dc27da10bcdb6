using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace RetailInsights.Core.Ingestion;

/// <summary>
/// Looks at the first bytes of a file before any CSV parsing: empty, compressed, archived, binary, or text in
/// UTF-8 (with or without BOM) or a single-byte code page.
/// </summary>
public static class FileSniffer
{
    private const int SampleBytes = 64 * 1024;

    public sealed record Sniffed(bool Gzip, Encoding? Encoding, string EncodingName);

    /// <param name="maxDecompressedBytes">What a compressed file may expand to, at most.</param>
    public static Sniffed Sniff(Func<Stream> openStream, string fileName, long maxDecompressedBytes = long.MaxValue)
    {
        using var raw = openStream();
        var head = new byte[4];
        var headLength = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (headLength == 0)
            throw new FileRefusedException($"{fileName} is empty (0 bytes).");
        if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
            throw new FileRefusedException($"{fileName} is a ZIP archive, not a CSV file: extract the CSV and upload it (or compress it as .csv.gz).");
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
        if (bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0)
            throw new FileRefusedException($"{fileName} holds no data (only blank lines).");
        if (bytes.Contains((byte)0))
            throw new FileRefusedException($"{fileName} is binary, not a CSV text file (it contains NUL bytes). Export the data as CSV and upload that.");
        if (IsUtf8(bytes, complete: length < sample.Length))
            return new Sniffed(gzip, null, "UTF-8");
        var controls = 0;
        foreach (var b in bytes)
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n')
                controls++;
        if (controls > bytes.Length / 100)
            throw new FileRefusedException($"{fileName} is binary, not a CSV text file. Export the data as CSV and upload that.");
        // Not UTF-8 but plain text: a spreadsheet's single-byte export (e.g. '£' as 0xA3).
        return new Sniffed(gzip, Encoding.Latin1, "Latin-1");
    }

    /// <summary>The file's text bytes from the start: decompressed, and refused once past the limit.</summary>
    public static Stream Open(Func<Stream> openStream, Sniffed sniffed, long maxDecompressedBytes, string fileName) =>
        Decompressed(openStream(), sniffed, maxDecompressedBytes, fileName);

    /// <summary>The text bytes of an opened file (see <see cref="Open"/>).</summary>
    public static Stream Decompressed(Stream raw, Sniffed sniffed, long maxDecompressedBytes, string fileName) =>
        sniffed.Gzip ? new DecompressedLimit(new GZipStream(raw, CompressionMode.Decompress), maxDecompressedBytes, fileName) : raw;

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
