namespace RetailInsights.Core.Ingestion.Formats;

/// <summary>
/// A preview's rows replayed as a record table, so a sample is validated exactly as a load reads the file: the same
/// record problems, the same absent JSON keys, and an Excel date column's serial numbers as dates.
/// </summary>
internal sealed class PreviewRecordTable(FilePreview preview, int dateColumn) : IRecordTable
{
    private int _current = -1;

    private PreviewRow Row => preview.Rows[_current];

    public IReadOnlyList<string> Headers => preview.Headers;

    public bool Read() => ++_current < preview.Rows.Count;

    public long RecordNumber => Row.LineNumber;

    public int FieldCount => Row.Values.Count;

    public string Field(int index) => index == dateColumn && Row.SerialDates is { } dates && dates[index] is { } date ? date : Row.Values[index];

    public bool Carries(int index) => Row.Carried is not { } carried || carried[index];

    public bool IsFilled(int index) => !string.IsNullOrWhiteSpace(Field(index));

    public void AddRecordProblems(List<string> reasons) => reasons.AddRange(Row.Problems);

    public string RawText() => Row.RawText;

    public void Dispose()
    {
    }
}
