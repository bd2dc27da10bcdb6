namespace RetailInsights.Core.Ingestion;

/// <summary>What a file's first rows would become under a mapping: the required columns still unmapped, and each row's verdict.</summary>
public sealed record SampleCheckResult(IReadOnlyList<string> MissingColumns, IReadOnlyList<RejectedLine> Rejected, int Accepted);

/// <summary>
/// Validates a preview's rows under a proposed mapping with the same rules and reason codes as a load, so the mapping
/// step shows which rows the load would reject, and why, before anything is saved.
/// </summary>
public static class SampleCheck
{
    public static SampleCheckResult Run(FilePreview preview, UploadKind kind, ColumnMapping mapping, ReadOptions options)
    {
        var missing = HeaderMap.MissingColumns(preview.Headers, kind, mapping);
        if (missing.Count > 0)
            return new SampleCheckResult(missing, [], 0);
        var map = HeaderMap.Create(preview.Headers, kind, mapping);
        options = options with { Mapping = mapping, DefaultStoreId = options.DefaultStoreId ?? mapping.DefaultStoreId };
        var decimalComma = mapping.DecimalSeparator is { } separator ? separator == ',' : preview.Separator == ';';
        var validation = new RecordValidation<ParsedRow>(kind, options, mapping.DateOrder ?? ProvenOrder(preview, map) ?? options.AmbiguousDateOrder);
        var rejected = new List<RejectedLine>();
        var accepted = 0;
        foreach (var row in preview.Rows)
        {
            var values = map.Mapped.ToDictionary(m => m.Column.Name, m => (string?)(m.Index < row.Values.Count ? row.Values[m.Index] : ""));
            if (row.Values.Count != preview.Headers.Count)
            {
                rejected.Add(new RejectedLine(row.LineNumber, row.RawText, [RejectReasons.WrongColumnCount]));
                continue;
            }
            var result = validation.Validate(new NamedRecordFields(values, decimalComma), row.LineNumber, row.RawText);
            if (result.Rejected is { } line)
                rejected.Add(line);
            else
                accepted++;
        }
        return new SampleCheckResult([], rejected, accepted);
    }

    private static DateOrder? ProvenOrder(FilePreview preview, HeaderMap map)
    {
        var date = map.Mapped.FirstOrDefault(m => m.Column == FileSchemas.Transactions.InvoiceDate || m.Column == FileSchemas.Refunds.RefundedAt);
        if (date.Column is null)
            return null;
        var orders = preview.Rows.Where(r => date.Index < r.Values.Count).Select(r => ValueParsers.ProvenOrder(r.Values[date.Index]))
            .OfType<DateOrder>().Distinct().ToList();
        return orders.Count == 1 ? orders[0] : null;
    }
}
