using System.Text;
using CsvHelper;

namespace RetailInsights.Core.Ingestion;

/// <summary>A record of a file's first rows, as written: its values by header position and its raw text.</summary>
public sealed record PreviewRow(long LineNumber, IReadOnlyList<string> Values, string RawText);

/// <summary>
/// A file's header and first rows, read without mapping anything: what the mapping step shows a person, and what the
/// suggester guesses from. Reads at most <c>maxRows</c> records, so any file previews in bounded time and memory.
/// </summary>
public sealed record FilePreview(IReadOnlyList<string> Headers, IReadOnlyList<PreviewRow> Rows, char Separator)
{
    /// <exception cref="FileRefusedException">The file cannot be read at all (too large when decompressed, no header, a broken line).</exception>
    public static FilePreview Read(Func<Stream> openStream, string fileName, int maxRows, ReadOptions options)
    {
        var sniffed = FileSniffer.Sniff(openStream, fileName, options.MaxDecompressedBytes);
        using var stream = FileSniffer.Open(openStream, sniffed, options.MaxDecompressedBytes, fileName);
        using var reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            HasHeader = true,
            Encoding = sniffed.Encoding,
            TrackLineNumbers = true,
            MaxRecordSize = options.MaxRecordBytes,
        }, leaveOpen: true);
        var rows = new List<PreviewRow>(maxRows);
        try
        {
            reader.ReadHeader();
            var headers = reader.Headers.ToArray();
            while (rows.Count < maxRows && reader.Read())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                    values[i] = reader.GetString(i);
                rows.Add(new PreviewRow(reader.LineNumber, values, Encoding.UTF8.GetString(reader.RawRecord)));
            }
            return new FilePreview(headers, rows, reader.Separator);
        }
        catch (CsvFormatException e)
        {
            throw new FileRefusedException($"{fileName}: the start of the file cannot be read ({e.Message}).", e);
        }
    }
}
