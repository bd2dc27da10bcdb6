using RetailInsights.Core.Ingestion.Formats;

namespace RetailInsights.Core.Ingestion;

/// <summary>What a file's first rows would become under a mapping: the required columns still unmapped, and each row's verdict.</summary>
public sealed record SampleCheckResult(IReadOnlyList<string> MissingColumns, IReadOnlyList<RejectedLine> Rejected, int Accepted);

/// <summary>
/// Validates a preview's rows under a proposed mapping with the same rules and reason codes as a load — whatever the
/// file's format, its rows replayed through the load's record fields — so the mapping step shows which rows the load
/// would reject, and why, before anything is saved.
/// </summary>
public static class SampleCheck
{
    public static SampleCheckResult Run(FilePreview preview, UploadKind kind, ColumnMapping mapping, ReadOptions options)
    {
        var missing = HeaderMap.MissingColumns(preview.Headers, kind, mapping);
        if (missing.Count > 0)
            return new SampleCheckResult(missing, [], 0);
        var map = HeaderMap.Create(preview.Headers, kind, mapping);
        options = options with { Mapping = mapping, DefaultStoreCode = options.DefaultStoreCode ?? mapping.DefaultStoreCode };
        var decimalComma = mapping.DecimalSeparator is { } separator ? separator == ',' : preview.Separator == ';';
        var dateColumn = UploadFileReader.DateColumn(kind) is { } date ? map[date] : -1;
        // Only a sheet's plain numbers may be serial dates; a CSV or JSON number in the date column is just a bad date.
        var serialDateColumn = preview.Format == FileFormat.Xlsx ? dateColumn : -1;
        var dateOrder = mapping.DateOrder ?? ProvenOrder(preview, dateColumn, serialDateColumn) ?? options.AmbiguousDateOrder;
        var validator = RowValidator.For(kind, options, dateOrder);
        var fallbacks = preview.Format == FileFormat.Csv ? null : new SpellingFallbacks(map);
        var rejected = new List<RejectedLine>();
        var accepted = 0;
        var reasons = new List<string>(4);
        using var table = new PreviewRecordTable(preview, serialDateColumn);
        while (table.Read())
        {
            reasons.Clear();
            table.AddRecordProblems(reasons);
            var row = reasons.Count == 0
                ? validator.Validate(new RecordFields(table, map, decimalComma, fallbacks), table.RecordNumber, reasons, out _)
                : null;
            if (row is null)
                rejected.Add(new RejectedLine(table.RecordNumber, table.RawText(), reasons.ToArray()));
            else
                accepted++;
        }
        return new SampleCheckResult([], rejected, accepted);
    }

    private static DateOrder? ProvenOrder(FilePreview preview, int dateColumn, int serialDateColumn)
    {
        if (dateColumn < 0)
            return null;
        var orders = new HashSet<DateOrder>();
        using var table = new PreviewRecordTable(preview, serialDateColumn);
        while (table.Read())
            if (dateColumn < table.FieldCount && ValueParsers.ProvenOrder(table.Field(dateColumn)) is { } order)
                orders.Add(order);
        return orders.Count == 1 ? orders.Single() : null;
    }
}
