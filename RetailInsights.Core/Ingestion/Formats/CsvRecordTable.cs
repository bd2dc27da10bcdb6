using System.Text;
using CsvHelper;

namespace RetailInsights.Core.Ingestion.Formats;

/// <summary>A CSV file through CsvHelper: separator detection, quotes, and a cap on the record size.</summary>
internal sealed class CsvRecordTable : IRecordTable
{
    private readonly Stream _text;
    private readonly CsvReader _reader;
    private readonly string _fileName;
    private readonly int _maxRecordBytes;

    // The parser reports a broken quote while it reads the record: only the current record's line is ever asked about.
    private long _malformedLine = -1;

    /// <exception cref="FileRefusedException">The header cannot be read.</exception>
    public CsvRecordTable(Stream text, Encoding? encoding, ReadOptions options, string fileName)
    {
        _text = text;
        _fileName = fileName;
        _maxRecordBytes = options.MaxRecordBytes;
        _reader = CsvReader.Create(text, new CsvReaderOptions
        {
            HasHeader = true,
            Encoding = encoding,
            TrackLineNumbers = true,
            MaxRecordSize = options.MaxRecordBytes,
            // Pooling looks values up under a lock shared by every reader: loads side by side waited on each other, and
            // even alone reading was faster allocating each short string.
            PoolStrings = false,
            OnMalformedRecord = record => _malformedLine = record.LineNumber,
        }, leaveOpen: true);
        try
        {
            _reader.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            Dispose();
            throw new FileRefusedException($"{fileName}: the header cannot be read ({e.Message}).", e);
        }
        Headers = _reader.Headers;
    }

    public IReadOnlyList<string> Headers { get; }

    public char Separator => _reader.Separator;

    public long RecordNumber => _reader.LineNumber;

    public int FieldCount => _reader.FieldCount;

    public bool Read()
    {
        try
        {
            return _reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableRecordException(
                $"{_fileName}: line {e.LineNumber} is longer than {_maxRecordBytes / 1024:N0} KB or cannot be read " +
                "(an unclosed quote?). Nothing was loaded; fix the line and upload the file again.", e);
        }
    }

    public string Field(int index) => _reader.GetString(index);

    public bool Carries(int index) => true;

    public bool IsFilled(int index) => !_reader.GetSpan(index).Trim(" \t"u8).IsEmpty;

    public void AddRecordProblems(List<string> reasons)
    {
        if (_reader.FieldCount != Headers.Count)
            reasons.Add(RejectReasons.WrongColumnCount);
        if (_malformedLine == _reader.LineNumber)
            reasons.Add(RejectReasons.MalformedQuotes);
    }

    public string RawText() => Encoding.UTF8.GetString(_reader.RawRecord);

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
