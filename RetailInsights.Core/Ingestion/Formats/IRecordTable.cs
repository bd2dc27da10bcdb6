namespace RetailInsights.Core.Ingestion.Formats;

/// <summary>
/// A file read as a table of records, whatever its format: the header names, then one record at a time with its
/// values by header index, its 1-based number (a CSV or NDJSON line, a JSON array element, a sheet row) and its raw
/// text for the rejected rows. Only the current record is held.
/// </summary>
internal interface IRecordTable : IDisposable
{
    IReadOnlyList<string> Headers { get; }

    /// <summary>Moves to the next record; false at the end.</summary>
    /// <exception cref="UnreadableRecordException">A record is too large or cannot be delimited: the file cannot be read on.</exception>
    bool Read();

    long RecordNumber { get; }

    /// <summary>How many values the current record has (a CSV line may have more or fewer than the header).</summary>
    int FieldCount { get; }

    /// <summary>The value at a header index as written, untrimmed; "" when the record has none there.</summary>
    string Field(int index);

    /// <summary>
    /// Whether the current record carries the header's field at all: a JSON record may leave out a key (or set it to
    /// null) that others have, which is not the same as an empty value. A CSV line always carries its columns.
    /// </summary>
    bool Carries(int index);

    /// <summary>Whether the value at a header index holds more than blanks (cheaper than <see cref="Field"/> for CSV).</summary>
    bool IsFilled(int index);

    /// <summary>Adds the reasons the current record is broken as a whole (wrong column count, a nested value…).</summary>
    void AddRecordProblems(List<string> reasons);

    /// <summary>The current record's text as it was in the file, kept with a rejection.</summary>
    string RawText();
}

/// <summary>A record the reader cannot get past (too long, an unclosed quote, too deeply nested): the file is refused.</summary>
internal sealed class UnreadableRecordException(string message, Exception? inner = null) : Exception(message, inner);
