using System.Text;
using System.Text.Json;

namespace RetailInsights.Core.Ingestion.Formats;

/// <summary>
/// A JSON array of flat objects, or one object per line, as a table: the header is the union of the keys of the first
/// <see cref="HeaderScanRecords"/> records in the order first seen; a key first met later is not read. A record that is
/// not an object, holds an object or array as a value, or is not valid JSON is a rejected record with its reason.
/// </summary>
internal sealed class JsonRecordTable : IRecordTable
{
    public const int HeaderScanRecords = 1000;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = JsonRecordSplitter.MaxDepth + 1 };

    private readonly Func<Stream> _openHeaderText;
    private readonly Stream _text;
    private readonly bool _lines;
    private readonly ReadOptions _options;
    private readonly string _fileName;
    private readonly Dictionary<string, int> _indexes;
    private readonly string?[] _values;
    private readonly List<string> _problems = new(2);
    private readonly JsonRecordSplitter _splitter;

    /// <param name="openHeaderText">Opens the file's UTF-8 text from its start, for the header pass.</param>
    /// <param name="text">The file's UTF-8 text from its start, for the records; the table owns it.</param>
    /// <exception cref="FileRefusedException">The first records cannot be read.</exception>
    public JsonRecordTable(Func<Stream> openHeaderText, Stream text, bool lines, ReadOptions options, string fileName)
    {
        _openHeaderText = openHeaderText;
        _text = text;
        _lines = lines;
        _options = options;
        _fileName = fileName;
        List<string> headers;
        try
        {
            headers = ScanHeaders();
        }
        catch
        {
            text.Dispose();
            throw;
        }
        Headers = headers;
        _indexes = new Dictionary<string, int>(headers.Count, StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
            _indexes[headers[i]] = i;
        _values = new string?[headers.Count];
        _splitter = new JsonRecordSplitter(text, lines, options.MaxRecordBytes, fileName);
    }

    public IReadOnlyList<string> Headers { get; }

    public long RecordNumber => _splitter.RecordNumber;

    public int FieldCount => _values.Length;

    public bool Read()
    {
        if (!_splitter.Next())
            return false;
        Array.Clear(_values);
        _problems.Clear();
        Parse(_splitter.Record, (name, value) =>
        {
            if (_indexes.TryGetValue(name, out var index))
                _values[index] = value;
        }, _problems);
        return true;
    }

    public string Field(int index) => _values[index] ?? "";

    public bool Carries(int index) => _values[index] is not null;

    public bool IsFilled(int index) => !string.IsNullOrWhiteSpace(_values[index]);

    public void AddRecordProblems(List<string> reasons) => reasons.AddRange(_problems);

    public string RawText() => Encoding.UTF8.GetString(_splitter.Record);

    public void Dispose() => _text.Dispose();

    private List<string> ScanHeaders()
    {
        var headers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        using var text = _openHeaderText();
        var splitter = new JsonRecordSplitter(text, _lines, _options.MaxRecordBytes, _fileName);
        try
        {
            for (var records = 0; records < HeaderScanRecords && splitter.Next(); records++)
                Parse(splitter.Record, (name, _) =>
                {
                    if (seen.Add(name))
                        headers.Add(name);
                    if (headers.Count > RecordTables.MaxFields)
                        throw new FileRefusedException(
                            $"{_fileName}: its first records name more than the {RecordTables.MaxFields:N0} different fields a table of records " +
                            "may have. Nothing was loaded.");
                }, problems);
        }
        catch (UnreadableRecordException e)
        {
            throw new FileRefusedException(e.Message, e);
        }
        return headers;
    }

    /// <summary>Hands each field of a flat object to <paramref name="field"/>; numbers keep their JSON text, null is no value (as a key left out).</summary>
    private static void Parse(ReadOnlySpan<byte> record, Action<string, string?> field, List<string> problems)
    {
        var reader = new Utf8JsonReader(record, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problems.Add(RejectReasons.NotAnObject);
                return;
            }
            var nested = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                string? value = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String: value = reader.GetString(); break;
                    case JsonTokenType.Number: value = Encoding.UTF8.GetString(reader.ValueSpan); break;
                    case JsonTokenType.True: value = "true"; break;
                    case JsonTokenType.False: value = "false"; break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        nested = true;
                        reader.Skip();
                        break;
                }
                field(name, value);
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                problems.Add(RejectReasons.MalformedJson);
            else if (nested)
                problems.Add(RejectReasons.NestedValue);
        }
        catch (JsonException)
        {
            problems.Add(RejectReasons.MalformedJson);
        }
    }
}
