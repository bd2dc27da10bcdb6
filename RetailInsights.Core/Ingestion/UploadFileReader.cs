using RetailInsights.Core.Ingestion.Formats;

namespace RetailInsights.Core.Ingestion;

/// <summary>
/// Reads one uploaded file, streaming: sniffs it, maps its header (refusing the file whole when it cannot), tells
/// the date order from its data, then yields every record as a validated row or a rejected line with its reasons.
/// Nothing is held but the current record, so files of any size read in constant memory.
/// </summary>
public sealed class UploadFileReader
{
    private readonly Func<Stream> _openStream;
    private readonly FileSniffer.Sniffed _sniffed;
    private readonly ReadOptions _options;
    private readonly string _fileName;

    private UploadFileReader(Func<Stream> openStream, string fileName, ReadOptions options, FileSniffer.Sniffed sniffed,
        HeaderMap map, char separator, DateOrder dateOrder)
    {
        _openStream = openStream;
        _fileName = fileName;
        _options = options;
        _sniffed = sniffed;
        Map = map;
        Separator = separator;
        DateOrder = dateOrder;
    }

    public HeaderMap Map { get; }

    public UploadKind Kind => Map.Kind;

    public char Separator { get; }

    public DateOrder DateOrder { get; }

    public string EncodingName => _sniffed.EncodingName;

    public FileFormat Format => _sniffed.Format;

    public ReadStatistics Statistics { get; } = new();

    /// <param name="openStream">Opens the file from its start; called a few times (sniffing, header, date scan, rows).</param>
    /// <exception cref="FileRefusedException">The file cannot be read at all; the message says why.</exception>
    public static UploadFileReader Open(Func<Stream> openStream, string fileName, ReadOptions options)
    {
        if (options.Mapping is { } mapping)
            options = options with { DefaultStoreCode = options.DefaultStoreCode ?? mapping.DefaultStoreCode };
        var sniffed = FileSniffer.Sniff(openStream, fileName, options.MaxDecompressedBytes);
        if (sniffed.Format == FileFormat.Xlsx && options.Sheet is null)
            options = options with { Sheet = FirstMappedSheet(openStream, options, fileName) };
        HeaderMap map;
        char separator;
        using (var table = RecordTables.Open(openStream(), openStream, sniffed, options, fileName))
        {
            separator = table is CsvRecordTable csv ? csv.Separator : ',';
            map = MapHeader(table, options);
            // A sheet chosen by number or in another case is named as the workbook spells it.
            if (table is XlsxRecordTable sheet)
                options = options with { Sheet = sheet.SheetName };
        }
        var dateOrder = ScanDateOrder(openStream, sniffed, options, map, fileName);
        return new UploadFileReader(openStream, fileName, options, sniffed, map, separator, dateOrder);
    }

    /// <summary>The sheet read, for an Excel workbook, as the workbook names it.</summary>
    public string? Sheet => _sniffed.Format == FileFormat.Xlsx ? _options.Sheet : null;

    private static HeaderMap MapHeader(IRecordTable table, ReadOptions options) => HeaderMap.Create(table.Headers, options.Kind, options.Mapping);

    // A workbook often opens on a cover or notes sheet: the first sheet whose header maps is the data.
    private static string FirstMappedSheet(Func<Stream> openStream, ReadOptions options, string fileName)
    {
        if (WorkbookSheets.FirstMapped(openStream(), fileName, options, out var firstRefusal, out var sheets) is { } sheet)
            return sheet;
        throw new FileRefusedException(sheets.Count == 1
            ? $"{fileName}, sheet '{sheets[0]}': {firstRefusal!.Message}"
            : $"{fileName}: no sheet of its {sheets.Count} ({string.Join(", ", sheets.Select(s => $"'{s}'"))}) has a header that maps. " +
              $"The first sheet: {firstRefusal!.Message}");
    }

    private IRecordTable OpenTable(Stream raw)
    {
        var table = RecordTables.Open(raw, _openStream, _sniffed, _options, _fileName);
        if (table is XlsxRecordTable sheet && DateColumn(Kind) is { } date)
            sheet.DateColumn = Map[date];
        return table;
    }

    /// <summary>Yields every data record once, as rows of any kind. Progress is the share of the file's bytes consumed.</summary>
    /// <exception cref="FileRefusedException">A record is longer than <see cref="ReadOptions.MaxRecordBytes"/>.</exception>
    public IEnumerable<ReadResult<ParsedRow>> ReadRows(IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        ReadRows<ParsedRow>(progress, cancellationToken);

    /// <summary>Yields every data record once, as rows of the file's kind (<typeparamref name="TRow"/> must be that kind's row).</summary>
    /// <exception cref="FileRefusedException">A record is longer than <see cref="ReadOptions.MaxRecordBytes"/>.</exception>
    public IEnumerable<ReadResult<TRow>> ReadRows<TRow>(IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        where TRow : ParsedRow =>
        RowValidator.For(Kind, _options, DateOrder) is IRowValidator<TRow> validator
            ? Read(validator, progress, cancellationToken)
            : throw new InvalidOperationException($"A {HeaderMap.Describe(Kind)} file has no {typeof(TRow).Name} rows.");

    private IEnumerable<ReadResult<TRow>> Read<TRow>(IRowValidator<TRow> validator, IProgress<double>? progress,
        CancellationToken cancellationToken) where TRow : ParsedRow
    {
        var raw = _openStream();
        var totalBytes = raw.CanSeek ? raw.Length : 0;
        using var table = OpenTable(raw);
        var decimalComma = _options.Mapping?.DecimalSeparator is { } decimalSeparator ? decimalSeparator == ',' : Separator == ';';
        var fallbacks = table is CsvRecordTable ? null : new SpellingFallbacks(Map);
        var mapped = Map.Mapped.ToArray();
        Statistics.StartColumns(mapped.Select(m => m.Column.Name));
        var reasons = new List<string>(4);
        long rows = 0;

        while (true)
        {
            try
            {
                if (!table.Read())
                    break;
            }
            catch (UnreadableRecordException e)
            {
                throw new FileRefusedException(e.Message, e.InnerException ?? e);
            }
            if ((++rows & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (totalBytes > 0)
                    progress?.Report(Math.Min(1.0, raw.Position / (double)totalBytes));
            }

            var recordNumber = table.RecordNumber;
            reasons.Clear();
            foreach (var (column, index) in mapped)
                if (index < table.FieldCount && table.IsFilled(index))
                    Statistics.CountFilled(column.Name);
            table.AddRecordProblems(reasons);

            TRow? row = null;
            var flags = RowFlags.None;
            if (reasons.Count == 0)
                row = validator.Validate(new RecordFields(table, Map, decimalComma, fallbacks), recordNumber, reasons, out flags);
            if (row is not null)
            {
                Statistics.CountAccepted(flags, row.OccurredAt);
                yield return new ReadResult<TRow>(row, null, flags);
            }
            else
            {
                var rejected = new RejectedLine(recordNumber, table.RawText(), reasons.ToArray());
                Statistics.CountRejected(rejected.Reasons);
                yield return new ReadResult<TRow>(null, rejected, RowFlags.None);
            }
        }
        progress?.Report(1.0);
    }

    // Slashed dates can be read day-first or month-first: a value with a part over 12 proves which.
    private static DateOrder ScanDateOrder(Func<Stream> openStream, FileSniffer.Sniffed sniffed, ReadOptions options, HeaderMap map,
        string fileName)
    {
        // A source's stated order is a fact about its system: a value contradicting it is a bad date, not a hint.
        if (options.Mapping?.DateOrder is { } stated)
            return stated;
        var dateColumn = DateColumn(map.Kind);
        if (dateColumn is null || map[dateColumn] < 0)
            return options.AmbiguousDateOrder;
        var index = map[dateColumn];
        using var table = RecordTables.Open(openStream(), openStream, sniffed, options, fileName);
        bool dayFirst = false, monthFirst = false;
        try
        {
            for (var rows = 0; rows < options.DateOrderScanRows && !(dayFirst && monthFirst) && table.Read(); rows++)
            {
                if (index >= table.FieldCount)
                    continue;
                switch (ValueParsers.ProvenOrder(table.Field(index)))
                {
                    case DateOrder.DayFirst: dayFirst = true; break;
                    case DateOrder.MonthFirst: monthFirst = true; break;
                }
                if (dayFirst != monthFirst && rows > 1000)
                    break;
            }
        }
        catch (UnreadableRecordException)
        {
            // The row pass reports the broken record; the scan only needs what it could read.
        }
        return dayFirst && !monthFirst ? DateOrder.DayFirst
            : monthFirst && !dayFirst ? DateOrder.MonthFirst
            : options.AmbiguousDateOrder;
    }

    internal static ColumnSpec? DateColumn(UploadKind kind) => kind switch
    {
        UploadKind.Transactions => FileSchemas.Transactions.InvoiceDate,
        UploadKind.Refunds => FileSchemas.Refunds.RefundedAt,
        _ => null,
    };
}
