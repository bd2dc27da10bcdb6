using System.Text;
using CsvHelper;

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

    public ReadStatistics Statistics { get; } = new();

    /// <param name="openStream">Opens the file from its start; called a few times (sniffing, header, date scan, rows).</param>
    /// <exception cref="FileRefusedException">The file cannot be read at all; the message says why.</exception>
    public static UploadFileReader Open(Func<Stream> openStream, string fileName, ReadOptions options)
    {
        if (options.Mapping is { } mapping)
            options = options with { DefaultStoreId = options.DefaultStoreId ?? mapping.DefaultStoreId };
        var sniffed = FileSniffer.Sniff(openStream, fileName, options.MaxDecompressedBytes);
        using var stream = FileSniffer.Open(openStream, sniffed, options.MaxDecompressedBytes, fileName);
        using var reader = CreateCsvReader(stream, sniffed, options, null);
        HeaderMap map;
        char separator;
        try
        {
            reader.ReadHeader();
            separator = reader.Separator;
            map = HeaderMap.Create(reader.Headers, options.Kind, options.Mapping);
        }
        catch (CsvFormatException e)
        {
            throw new FileRefusedException($"{fileName}: the header cannot be read ({e.Message}).", e);
        }
        var dateOrder = ScanDateOrder(openStream, sniffed, options, map, fileName);
        return new UploadFileReader(openStream, fileName, options, sniffed, map, separator, dateOrder);
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
        // The parser reports a broken quote while it reads the record: only the current record's line is ever asked about.
        long malformedLine = -1;
        using var raw = _openStream();
        var totalBytes = raw.CanSeek ? raw.Length : 0;
        using var stream = FileSniffer.Decompressed(raw, _sniffed, _options.MaxDecompressedBytes, _fileName);
        using var reader = CreateCsvReader(stream, _sniffed, _options, record => malformedLine = record.LineNumber);
        var decimalComma = _options.Mapping?.DecimalSeparator is { } decimalSeparator ? decimalSeparator == ',' : Separator == ';';
        var mapped = Map.Mapped.ToArray();
        Statistics.StartColumns(mapped.Select(m => m.Column.Name));
        var reasons = new List<string>(4);
        long rows = 0;

        while (true)
        {
            try
            {
                if (!reader.Read())
                    break;
            }
            catch (CsvFormatException e)
            {
                throw new FileRefusedException(
                    $"{_fileName}: line {e.LineNumber} is longer than {_options.MaxRecordBytes / 1024:N0} KB or cannot be read " +
                    "(an unclosed quote?). Nothing was loaded; fix the line and upload the file again.", e);
            }
            if ((++rows & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (totalBytes > 0)
                    progress?.Report(Math.Min(1.0, raw.Position / (double)totalBytes));
            }

            var lineNumber = reader.LineNumber;
            reasons.Clear();
            foreach (var (column, index) in mapped)
                if (index < reader.FieldCount && !reader.GetSpan(index).Trim(" \t"u8).IsEmpty)
                    Statistics.CountFilled(column.Name);
            if (reader.FieldCount != Map.Found.Count)
                reasons.Add(RejectReasons.WrongColumnCount);
            if (malformedLine == lineNumber)
                reasons.Add(RejectReasons.MalformedQuotes);

            TRow? row = null;
            var flags = RowFlags.None;
            if (reasons.Count == 0)
                row = validator.Validate(new RecordFields(reader, Map, decimalComma), lineNumber, reasons, out flags);
            if (row is not null)
            {
                Statistics.CountAccepted(flags, row.OccurredAt);
                yield return new ReadResult<TRow>(row, null, flags);
            }
            else
            {
                var rejected = new RejectedLine(lineNumber, RawText(reader), reasons.ToArray());
                Statistics.CountRejected(rejected.Reasons);
                yield return new ReadResult<TRow>(null, rejected, RowFlags.None);
            }
        }
        progress?.Report(1.0);
    }

    private static CsvReader CreateCsvReader(Stream stream, FileSniffer.Sniffed sniffed, ReadOptions options,
        Action<CsvMalformedRecord>? onMalformed) =>
        CsvReader.Create(stream, new CsvReaderOptions
        {
            HasHeader = true,
            Encoding = sniffed.Encoding,
            TrackLineNumbers = true,
            MaxRecordSize = options.MaxRecordBytes,
            // Pooling looks values up under a lock shared by every reader: loads side by side waited on each other, and
            // even alone reading was faster allocating each short string.
            PoolStrings = false,
            OnMalformedRecord = onMalformed,
        }, leaveOpen: true);

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
        using var stream = FileSniffer.Open(openStream, sniffed, options.MaxDecompressedBytes, fileName);
        using var reader = CreateCsvReader(stream, sniffed, options, null);
        bool dayFirst = false, monthFirst = false;
        try
        {
            for (var rows = 0; rows < options.DateOrderScanRows && !(dayFirst && monthFirst) && reader.Read(); rows++)
            {
                if (index >= reader.FieldCount)
                    continue;
                switch (ValueParsers.ProvenOrder(reader.GetString(index)))
                {
                    case DateOrder.DayFirst: dayFirst = true; break;
                    case DateOrder.MonthFirst: monthFirst = true; break;
                }
                if (dayFirst != monthFirst && rows > 1000)
                    break;
            }
        }
        catch (CsvFormatException)
        {
            // The row pass reports the broken line; the scan only needs what it could read.
        }
        return dayFirst && !monthFirst ? DateOrder.DayFirst
            : monthFirst && !dayFirst ? DateOrder.MonthFirst
            : options.AmbiguousDateOrder;
    }

    private static ColumnSpec? DateColumn(UploadKind kind) => kind switch
    {
        UploadKind.Transactions => FileSchemas.Transactions.InvoiceDate,
        UploadKind.Refunds => FileSchemas.Refunds.RefundedAt,
        _ => null,
    };

    private static string RawText(CsvReader reader) => Encoding.UTF8.GetString(reader.RawRecord);
}
