namespace RetailInsights.Core.Ingestion;

/// <summary>Why a line was not loaded; a line may carry several.</summary>
public static class RejectReasons
{
    public const string WrongColumnCount = "wrong_column_count";
    public const string MalformedQuotes = "malformed_quotes";
    public const string MissingInvoice = "missing_invoice";
    public const string MissingStockCode = "missing_stock_code";
    public const string BadQuantity = "bad_quantity";
    public const string ZeroQuantity = "zero_quantity";
    public const string BadPrice = "bad_price";
    public const string NegativePrice = "negative_price";
    public const string BadDate = "bad_date";
    public const string FutureDate = "future_date";
    public const string LineAmountMismatch = "line_amount_mismatch";
    public const string MissingRefundId = "missing_refund_id";
    public const string BadAmount = "bad_amount";
    public const string NegativeAmount = "negative_amount";
    public const string BadReason = "bad_reason";
    public const string MissingStoreId = "missing_store_id";
    public const string BadSize = "bad_size";

    /// <summary>A value longer or larger than the database stores (see <see cref="FieldLimits"/>).</summary>
    public const string ValueOutOfRange = "value_out_of_range";

    public static readonly IReadOnlyList<string> All =
    [
        WrongColumnCount, MalformedQuotes, MissingInvoice, MissingStockCode, BadQuantity, ZeroQuantity, BadPrice,
        NegativePrice, BadDate, FutureDate, LineAmountMismatch, MissingRefundId, BadAmount, NegativeAmount, BadReason,
        MissingStoreId, BadSize, ValueOutOfRange,
    ];
}
