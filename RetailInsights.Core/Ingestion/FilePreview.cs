using RetailInsights.Core.Ingestion.Formats;

namespace RetailInsights.Core.Ingestion;

/// <summary>A record of a file's first rows, as written: its values by header position and its raw text.</summary>
public sealed record PreviewRow(long LineNumber, IReadOnlyList<string> Values, string RawText)
{
    /// <summary>What is wrong with the record as a whole, as the load says it (wrong column count, malformed JSON, a total row…).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Per header, whether the record carries the field at all (a JSON record may leave a key out); null when every record carries every field.</summary>
    public IReadOnlyList<bool>? Carried { get; init; }

    /// <summary>Per value, an Excel cell's plain number read as a serial date, for the column that turns out to hold dates; null when the file has none.</summary>
    public IReadOnlyList<string?>? SerialDates { get; init; }
}

/// <summary>
/// A file's header and first rows, read without mapping anything: what the mapping step shows a person, and what the
/// suggester guesses from. Read by the same record tables as a load — CSV (with its separator), a JSON array or lines,
/// an Excel sheet — and bounded like one: at most <c>maxRows</c> records, a compressed file within the decompression
/// limit, so any file previews in bounded time and memory.
/// </summary>
public sealed record FilePreview(IReadOnlyList<string> Headers, IReadOnlyList<PreviewRow> Rows, FileFormat Format)
{
    /// <summary>A CSV file's separator; null for the other formats.</summary>
    public char? Separator { get; init; }

    /// <summary>An Excel workbook's sheets in order; empty for the other formats.</summary>
    public IReadOnlyList<string> Sheets { get; init; } = [];

    /// <summary>The sheet previewed: the one chosen, else the one a load reads (the first whose header maps, or the first).</summary>
    public string? Sheet { get; init; }

    /// <param name="options">The sheet to read (null: as a load chooses it, with the kind and mapping given) and the limits.</param>
    /// <exception cref="FileRefusedException">The file cannot be read at all (too large when decompressed, no header, a broken record, no such sheet).</exception>
    public static FilePreview Read(Func<Stream> openStream, string fileName, int maxRows, ReadOptions options)
    {
        var sniffed = FileSniffer.Sniff(openStream, fileName, options.MaxDecompressedBytes);
        if (sniffed.Format == FileFormat.Xlsx && options.Sheet is null)
            return ReadUnchosenSheet(openStream, fileName, maxRows, options);
        using var table = RecordTables.Open(openStream(), openStream, sniffed, options, fileName);
        if (table is XlsxRecordTable workbook)
            workbook.KeepSerialDates = true;
        return Collect(table, sniffed.Format, maxRows);
    }

    // The sheet a load reads — the first whose header maps — found in one pass over the workbook (every move to a
    // sheet reads its XML through), keeping the first sheet's rows for when none maps.
    private static FilePreview ReadUnchosenSheet(Func<Stream> openStream, string fileName, int maxRows, ReadOptions options)
    {
        using var table = new XlsxRecordTable(openStream(), null, options, fileName) { KeepSerialDates = true };
        FilePreview? first = null;
        do
        {
            var maps = Maps(table.Headers, options);
            if (first is null || maps)
            {
                var preview = Collect(table, FileFormat.Xlsx, maxRows);
                if (maps)
                    return preview;
                first = preview;
            }
        }
        while (table.NextSheet());
        return first!;
    }

    private static bool Maps(IReadOnlyList<string> headers, ReadOptions options)
    {
        try
        {
            HeaderMap.Create(headers, options.Kind, options.Mapping);
            return true;
        }
        catch (FileRefusedException)
        {
            return false;
        }
    }

    private static FilePreview Collect(IRecordTable table, FileFormat format, int maxRows)
    {
        var workbook = table as XlsxRecordTable;
        var json = format is FileFormat.JsonArray or FileFormat.JsonLines;
        var rows = new List<PreviewRow>(maxRows);
        try
        {
            while (rows.Count < maxRows && table.Read())
                rows.Add(Row(table, workbook, json));
        }
        catch (UnreadableRecordException e)
        {
            throw new FileRefusedException(e.Message, e);
        }
        return new FilePreview(table.Headers.ToArray(), rows, format)
        {
            Separator = (table as CsvRecordTable)?.Separator,
            Sheets = workbook?.Sheets ?? [],
            Sheet = workbook?.SheetName,
        };
    }

    private static PreviewRow Row(IRecordTable table, XlsxRecordTable? workbook, bool json)
    {
        var values = new string[table.FieldCount];
        for (var i = 0; i < values.Length; i++)
            values[i] = table.Field(i);
        var problems = new List<string>();
        table.AddRecordProblems(problems);
        return new PreviewRow(table.RecordNumber, values, table.RawText())
        {
            Problems = problems,
            Carried = json ? Enumerable.Range(0, values.Length).Select(table.Carries).ToArray() : null,
            SerialDates = workbook is null ? null : Enumerable.Range(0, values.Length).Select(workbook.SerialDate).ToArray(),
        };
    }
}
