namespace RetailInsights.Core.Ingestion;

/// <summary>
/// Validates one record given by its values rather than read from a CSV file — a live event, a JSON object — with the
/// same rules and reason codes as a file's lines, so a sale is accepted or rejected the same way whichever way it came.
/// </summary>
public sealed class RecordValidation<TRow> where TRow : ParsedRow
{
    private readonly IRowValidator<TRow> _validator;

    /// <param name="kind">The kind whose rules apply; <typeparamref name="TRow"/> must be its row.</param>
    public RecordValidation(UploadKind kind, ReadOptions options, DateOrder dateOrder = DateOrder.MonthFirst) =>
        _validator = RowValidator.For(kind, options, dateOrder) as IRowValidator<TRow>
            ?? throw new ArgumentException($"A {HeaderMap.Describe(kind)} record has no {typeof(TRow).Name} rows.", nameof(kind));

    /// <param name="rawText">The record as it arrived, kept with a rejection.</param>
    public ReadResult<TRow> Validate(IRecordFields fields, long lineNumber, string rawText)
    {
        var reasons = new List<string>(4);
        var row = _validator.Validate(fields, lineNumber, reasons, out var flags);
        return row is not null
            ? new ReadResult<TRow>(row, null, flags)
            : new ReadResult<TRow>(null, new RejectedLine(lineNumber, rawText, reasons.ToArray()), RowFlags.None);
    }
}
