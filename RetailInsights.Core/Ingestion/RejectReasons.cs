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

    /// <summary>A live event without its id: retried, it could not be told from a new sale.</summary>
    public const string MissingEventId = "missing_event_id";

    /// <summary>A live event or JSON record that is not an object of fields.</summary>
    public const string NotAnObject = "not_an_object";

    /// <summary>A JSON record holding an object or an array where a value belongs: records must be flat.</summary>
    public const string NestedValue = "nested_value";

    /// <summary>A JSON record that is not valid JSON.</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>A spreadsheet's total row (a "Total" label with sums), not a line of its own.</summary>
    public const string TotalRow = "total_row";

    /// <summary>A line of a store the API key that sent the file is not limited to.</summary>
    public const string StoreOutOfScope = "store_out_of_scope";

    /// <summary>A live event older than the events API takes (<c>Live:MaxEventAgeDays</c>): a file brings old days.</summary>
    public const string TooOld = "too_old";

    public static readonly IReadOnlyList<string> All =
    [
        WrongColumnCount, MalformedQuotes, MissingInvoice, MissingStockCode, BadQuantity, ZeroQuantity, BadPrice,
        NegativePrice, BadDate, FutureDate, LineAmountMismatch, MissingRefundId, BadAmount, NegativeAmount, BadReason,
        MissingStoreId, BadSize, ValueOutOfRange, MissingEventId, NotAnObject,
        NestedValue, MalformedJson, TotalRow, StoreOutOfScope, TooOld,
    ];

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [WrongColumnCount] = "The line has more or fewer fields than the header.",
        [MalformedQuotes] = "A quoted field is not closed properly.",
        [MissingInvoice] = "No invoice number.",
        [MissingStockCode] = "No stock code.",
        [BadQuantity] = "The quantity is not a whole number (or, for a refund, is below zero).",
        [ZeroQuantity] = "The quantity is zero.",
        [BadPrice] = "The price is empty or not a number.",
        [NegativePrice] = "The price is below zero.",
        [BadDate] = "The date is empty or in no known form.",
        [FutureDate] = "The date is in the future.",
        [LineAmountMismatch] = "The line amount differs from quantity × price by more than 0.01.",
        [MissingRefundId] = "No refund id.",
        [BadAmount] = "The refund amount is empty or not a number.",
        [NegativeAmount] = "The refund amount is below zero.",
        [BadReason] = "The refund reason is not one of the known reasons.",
        [MissingStoreId] = "No store id.",
        [BadSize] = "The store size is not a positive whole number.",
        [ValueOutOfRange] = "A value is longer or larger than the database stores: ids up to 64 characters, descriptions up to 512, prices under 1,000,000,000.",
        [MissingEventId] = "No event id (transaction_id or refund_id): without it, an event sent again could not be told from a new one.",
        [NotAnObject] = "The record is not an object of named fields.",
        [NestedValue] = "A field holds an object or a list where a single value belongs: records must be flat.",
        [MalformedJson] = "The record is not valid JSON.",
        [TotalRow] = "A total row of the spreadsheet (labelled Total), not a line of its own: the lines it sums are loaded.",
        [StoreOutOfScope] = "The line's store is not one of the stores the API key that sent the file may send for.",
        [TooOld] = "The event is older than the live events API takes: send old days as a file.",
    };

    /// <summary>What a reason code means, in a sentence for the person who sent the file.</summary>
    public static string Describe(string code) => Descriptions.GetValueOrDefault(code, code);
}
