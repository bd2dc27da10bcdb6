namespace RetailInsights.Core.Ingestion;

/// <summary>A validated line of an uploaded file; each file kind has its own row type.</summary>
public abstract record ParsedRow(long LineNumber)
{
    /// <summary>When the line happened, for kinds that carry a date (sales, refunds).</summary>
    public virtual DateTime? OccurredAt => null;
}

/// <summary>A sold (or returned) line of a transactions file, validated.</summary>
public sealed record TransactionRow(
    long LineNumber,
    string Invoice,
    string StockCode,
    string? Description,
    int Quantity,
    DateTime InvoicedAt,
    decimal UnitPrice,
    string? CustomerId,
    string? Country,
    string StoreCode,
    RowFlags Flags) : ParsedRow(LineNumber)
{
    public override DateTime? OccurredAt => InvoicedAt;

    /// <summary>Returns (C invoices, negative quantities) become refunds; everything else is a sale.</summary>
    public bool IsReturn => Flags.HasFlag(RowFlags.Return);
}

/// <summary>A line of a refunds file, validated.</summary>
public sealed record RefundRow(
    long LineNumber,
    string RefundId,
    string Invoice,
    string StockCode,
    int Quantity,
    decimal Amount,
    string Reason,
    DateTime RefundedAt,
    string StoreCode,
    string? CustomerId) : ParsedRow(LineNumber)
{
    public override DateTime? OccurredAt => RefundedAt;
}

/// <summary>A line of a product catalog file, validated.</summary>
public sealed record ProductRow(long LineNumber, string StockCode, string? Description, string? Category, decimal? BasePrice, bool IsNonProduct)
    : ParsedRow(LineNumber);

/// <summary>A line of a store locations file, validated.</summary>
public sealed record StoreLocationRow(long LineNumber, string StoreCode, string? Name, string City, string Region, int? SizeSqFt)
    : ParsedRow(LineNumber);

/// <summary>A line that was not loaded, kept with its text exactly as in the file and every reason found.</summary>
public sealed record RejectedLine(long LineNumber, string RawText, IReadOnlyList<string> Reasons);

/// <summary>One record of the file: either a validated row of the file's kind or a rejected line.</summary>
public readonly record struct ReadResult<TRow>(TRow? Row, RejectedLine? Rejected, RowFlags Flags) where TRow : ParsedRow;
