using System.Text;

namespace RetailInsights.Core.Ingestion.Formats;

/// <summary>Opens the record table that reads a sniffed file's format.</summary>
internal static class RecordTables
{
    /// <summary>More fields than a table of records has (a header's columns, a sheet's width, a JSON record's keys): hostile input or not records at all.</summary>
    public const int MaxFields = 1024;


    /// <param name="raw">The file opened from its start; the table owns it.</param>
    /// <param name="openFile">Opens the file again, for a format that reads its header from a first pass (JSON).</param>
    /// <exception cref="FileRefusedException">The file's header or structure cannot be read.</exception>
    public static IRecordTable Open(Stream raw, Func<Stream> openFile, FileSniffer.Sniffed sniffed, ReadOptions options, string fileName)
    {
        raw = new CancellableStream(raw, options.Cancellation);
        var table = OpenFormat(raw, () => new CancellableStream(openFile(), options.Cancellation), sniffed, options, fileName);
        if (table.Headers.Count > MaxFields)
        {
            table.Dispose();
            throw new FileRefusedException($"{fileName}: its header has {table.Headers.Count:N0} columns, more than the {MaxFields:N0} a table " +
                "of records may have. Nothing was loaded.");
        }
        return table;
    }

    private static IRecordTable OpenFormat(Stream raw, Func<Stream> openFile, FileSniffer.Sniffed sniffed, ReadOptions options, string fileName) =>
        sniffed.Format switch
        {
            FileFormat.Csv => new CsvRecordTable(FileSniffer.Decompressed(raw, sniffed, options.MaxDecompressedBytes, fileName),
                sniffed.Encoding, options, fileName),
            FileFormat.JsonArray or FileFormat.JsonLines => OpenJson(raw, openFile, sniffed, options, fileName),
            FileFormat.Xlsx => new XlsxRecordTable(raw, options.Sheet, options, fileName),
            _ => throw new ArgumentOutOfRangeException(nameof(sniffed), sniffed.Format, "No reader for this format."),
        };

    // The header comes from a first pass over the file opened again; the records are read from the stream given.
    private static JsonRecordTable OpenJson(Stream raw, Func<Stream> openFile, FileSniffer.Sniffed sniffed, ReadOptions options,
        string fileName) =>
        new(() => Utf8Text(openFile(), sniffed, options, fileName), Utf8Text(raw, sniffed, options, fileName),
            sniffed.Format == FileFormat.JsonLines, options, fileName);

    /// <summary>The file as UTF-8 text: decompressed, and a single-byte export transcoded (JSON readers read UTF-8 only).</summary>
    public static Stream Utf8Text(Stream raw, FileSniffer.Sniffed sniffed, ReadOptions options, string fileName)
    {
        var text = FileSniffer.Decompressed(raw, sniffed, options.MaxDecompressedBytes, fileName);
        return sniffed.Encoding is { } encoding ? Encoding.CreateTranscodingStream(text, encoding, Encoding.UTF8) : text;
    }
}
