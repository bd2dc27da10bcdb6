namespace RetailInsights.Core.Ingestion;

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
    string StoreId,
    RowFlags Flags);

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
    string StoreId,
    string? CustomerId);

/// <summary>A line of a product catalog file, validated.</summary>
public sealed record ProductRow(long LineNumber, string StockCode, string? Description, string? Category, decimal? BasePrice, bool IsNonProduct);

/// <summary>A line of a store locations file, validated.</summary>
public sealed record StoreRow(long LineNumber, string StoreId, string? Name, string City, string Region, int? SizeSqFt);

/// <summary>A line that was not loaded, kept with its text exactly as in the file and every reason found.</summary>
public sealed record RejectedLine(long LineNumber, string RawText, IReadOnlyList<string> Reasons);

/// <summary>One record of the file: either a validated row of the file's kind or a rejected line.</summary>
public readonly record struct ReadResult(object? Row, RejectedLine? Rejected, RowFlags Flags);
