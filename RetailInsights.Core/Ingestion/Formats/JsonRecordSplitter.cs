using System.Diagnostics;

namespace RetailInsights.Core.Ingestion.Formats;

/// <summary>
/// Cuts UTF-8 JSON text into its records without parsing them: the elements of one top-level array, or one value per
/// line (NDJSON). Only the current record is held, so memory stays within <c>maxRecordBytes</c> whatever the file; a
/// longer record, deeper nesting than <see cref="MaxDepth"/> or a broken array structure ends the reading.
/// </summary>
internal sealed class JsonRecordSplitter(Stream text, bool lines, int maxRecordBytes, string fileName)
{
    /// <summary>Deeper than any table of records needs; deeper input is hostile.</summary>
    public const int MaxDepth = 64;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _position, _length;
    private long _consumed;
    private bool _ended;
    private byte[] _record = new byte[4 * 1024];
    private int _recordLength;
    private bool _started, _finished, _bomChecked;

    /// <summary>The current record's bytes, as in the file.</summary>
    public ReadOnlySpan<byte> Record => _record.AsSpan(0, _recordLength);

    /// <summary>The array element's number, or the line's number for JSON lines (1-based).</summary>
    public long RecordNumber { get; private set; }

    /// <exception cref="UnreadableRecordException">The text cannot be cut into records.</exception>
    public bool Next() => lines ? NextLine() : NextElement();

    private bool NextLine()
    {
        while (true)
        {
            _recordLength = 0;
            if (Peek() < 0)
                return false;
            RecordNumber++;
            ScanLine();
            var record = Record.TrimEnd("\r"u8);
            _recordLength = record.Length;
            if (!record.Trim(" \t"u8).IsEmpty)
                return true;
        }
    }

    private bool NextElement()
    {
        _recordLength = 0;
        if (_finished)
            return false;
        SkipWhitespace();
        if (!_started)
        {
            _started = true;
            if (Take() != '[')
                throw Broken("does not start with '['");
            SkipWhitespace();
            if (Peek() == ']')
                return Finish(Take());
        }
        else
        {
            var separator = Take();
            if (separator == ']')
                return Finish(separator);
            if (separator != ',')
                throw Broken(separator < 0 ? "ends before its array is closed (a truncated file?)" : "has no ',' between two records");
            SkipWhitespace();
        }
        if (Peek() < 0)
            throw Broken("ends before its array is closed (a truncated file?)");
        RecordNumber++;
        ScanValue();
        if (_recordLength == 0)
            throw Broken("has an empty record (two commas in a row?)");
        return true;
    }

    private bool Finish(int closingBracket)
    {
        Debug.Assert(closingBracket == ']');
        _finished = true;
        SkipWhitespace();
        if (Peek() >= 0)
            throw Broken("goes on after its array is closed");
        return false;
    }

    // One value: an object or array to its matching bracket, a string to its closing quote, anything else to the next
    // delimiter. Strings are followed so brackets inside them do not count.
    private void ScanValue()
    {
        int depth = 0;
        bool inString = false, escaped = false;
        while (true)
        {
            var b = Peek();
            if (b < 0)
            {
                if (depth == 0 && !inString)
                    return;
                throw Broken($"ends inside record {RecordNumber} (a truncated file or an unclosed string?)");
            }
            if (inString)
            {
                if (escaped)
                    escaped = false;
                else if (b == '\\')
                    escaped = true;
                else if (b == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        Append(Take());
                        return;
                    }
                }
            }
            else if (b == '"')
                inString = true;
            else if (b is '{' or '[')
                Deeper(ref depth);
            else if (b is '}' or ']')
            {
                if (depth == 0)
                    return;
                if (--depth == 0)
                {
                    Append(Take());
                    return;
                }
            }
            else if (depth == 0 && b is ',' or ' ' or '\t' or '\r' or '\n')
                return;
            Append(Take());
        }
    }

    private void ScanLine()
    {
        int depth = 0;
        bool inString = false, escaped = false;
        for (var b = Take(); b >= 0 && b != '\n'; b = Take())
        {
            if (inString)
            {
                if (escaped)
                    escaped = false;
                else if (b == '\\')
                    escaped = true;
                else if (b == '"')
                    inString = false;
            }
            else if (b == '"')
                inString = true;
            else if (b is '{' or '[')
                Deeper(ref depth);
            else if (b is '}' or ']' && depth > 0)
                depth--;
            Append(b);
        }
    }

    private void Deeper(ref int depth)
    {
        if (++depth > MaxDepth)
            throw new UnreadableRecordException(
                $"{fileName}: record {RecordNumber} nests values more than {MaxDepth} levels deep, which no table of records does. " +
                "Nothing was loaded; upload flat records (one object of fields per sale).");
    }

    private void Append(int b)
    {
        if (_recordLength == _record.Length)
        {
            if (_recordLength >= maxRecordBytes)
                throw new UnreadableRecordException(
                    $"{fileName}: {(lines ? "line" : "record")} {RecordNumber} is longer than {maxRecordBytes / 1024:N0} KB. " +
                    "Nothing was loaded; fix the record and upload the file again.");
            Array.Resize(ref _record, (int)Math.Min(maxRecordBytes, _record.Length * 2L));
        }
        _record[_recordLength++] = (byte)b;
    }

    private void SkipWhitespace()
    {
        while (Peek() is ' ' or '\t' or '\r' or '\n')
            Take();
    }

    private int Peek()
    {
        while (_position == _length)
        {
            if (_ended)
                return -1;
            _position = 0;
            _length = _bomChecked ? text.Read(_buffer) : text.ReadAtLeast(_buffer, 3, throwOnEndOfStream: false);
            if (_length == 0)
            {
                _ended = true;
                return -1;
            }
            // A UTF-8 byte order mark before the first value is not part of it.
            if (!_bomChecked && _buffer.AsSpan(0, _length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                _position = 3;
            _bomChecked = true;
        }
        return _buffer[_position];
    }

    private int Take()
    {
        var b = Peek();
        if (b >= 0)
        {
            _position++;
            _consumed++;
        }
        return b;
    }

    private UnreadableRecordException Broken(string what) => new(
        $"{fileName} is not a JSON array of records: near byte {_consumed:N0} it {what}. Nothing was loaded; " +
        "a JSON file must be one array of objects ([{{…}}, {{…}}]) or one object per line.");
}
