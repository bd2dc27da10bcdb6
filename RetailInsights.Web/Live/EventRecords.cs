using System.Globalization;
using System.Text.Json;
using RetailInsights.Core.Ingestion;

namespace RetailInsights.Web.Live;

/// <summary>The two event kinds a POS system posts.</summary>
public enum EventKind
{
    Transaction,
    Refund,
}

/// <summary>
/// One posted event, read from its JSON object into the columns a file line of the same kind has, so that the file
/// validators judge it (the same rules and reason codes). A transaction event
/// (<c>transaction_id, product_id, store_id, customer_id, amount, timestamp</c>, optionally <c>invoice, quantity,
/// unit_price</c>) is one line: invoice = the transaction id unless given, quantity 1 unless given, unit price = amount ÷
/// quantity unless given (and then amount must equal quantity × price). A refund event (<c>refund_id,
/// original_transaction_id, product_id, store_id, customer_id, refund_amount, reason, timestamp</c>) is one refunded
/// item of its transaction.
/// </summary>
public sealed record EventRecord(int Index, string? EventId, IRecordFields Fields, string RawText)
{
    public static EventRecord Read(EventKind kind, JsonElement element, int index)
    {
        var raw = element.GetRawText();
        if (element.ValueKind != JsonValueKind.Object)
            return new EventRecord(index, null, new NamedRecordFields(new Dictionary<string, string?>()), raw);
        var values = element.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value), StringComparer.OrdinalIgnoreCase);
        string? Value(string name) => values.GetValueOrDefault(name) is { Length: > 0 } value ? value.Trim() : null;
        return kind == EventKind.Transaction ? Transaction(index, Value, raw) : Refund(index, Value, raw);
    }

    /// <summary>Not a JSON object: nothing to read it by.</summary>
    public bool IsObject => RawText.TrimStart().StartsWith('{');

    private static EventRecord Transaction(int index, Func<string, string?> value, string raw)
    {
        var id = value("transaction_id");
        var amount = value("amount");
        var quantity = value("quantity") ?? "1";
        var price = value("unit_price") ?? UnitPrice(amount, quantity);
        var fields = new Dictionary<string, string?>
        {
            [FileSchemas.Transactions.Invoice.Name] = value("invoice") ?? id,
            [FileSchemas.Transactions.StockCode.Name] = value("product_id"),
            [FileSchemas.Transactions.Quantity.Name] = quantity,
            [FileSchemas.Transactions.Price.Name] = price,
            [FileSchemas.Transactions.InvoiceDate.Name] = ToSecond(value("timestamp")),
            [FileSchemas.Transactions.CustomerId.Name] = value("customer_id"),
            [FileSchemas.Transactions.StoreCode.Name] = value("store_id"),
        };
        // Checked against quantity × price only when the event gave both and the amount: then it can disagree.
        if (amount is not null && value("unit_price") is not null)
            fields[FileSchemas.Transactions.LineAmount.Name] = amount;
        return new EventRecord(index, id, new NamedRecordFields(fields), raw);
    }

    private static EventRecord Refund(int index, Func<string, string?> value, string raw) => new(index, value("refund_id"),
        new NamedRecordFields(new Dictionary<string, string?>
        {
            [FileSchemas.Refunds.RefundId.Name] = value("refund_id"),
            [FileSchemas.Refunds.Invoice.Name] = value("original_transaction_id"),
            [FileSchemas.Refunds.StockCode.Name] = value("product_id"),
            [FileSchemas.Refunds.Quantity.Name] = value("quantity") ?? "1",
            [FileSchemas.Refunds.Amount.Name] = value("refund_amount"),
            [FileSchemas.Refunds.Reason.Name] = value("reason"),
            [FileSchemas.Refunds.RefundedAt.Name] = ToSecond(value("timestamp")),
            [FileSchemas.Refunds.StoreCode.Name] = value("store_id"),
            [FileSchemas.Refunds.CustomerId.Name] = value("customer_id"),
        }), raw);

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        // An object or an array where a value belongs: kept as text, so its field is rejected by its own rule.
        _ => value.GetRawText(),
    };

    private static string? UnitPrice(string? amount, string quantity) =>
        amount is not null && decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
        && int.TryParse(quantity, NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) && q != 0
            ? (a / q).ToString(CultureInfo.InvariantCulture)
            : amount;

    /// <summary>Files carry times to the second: an event's fraction is dropped, so the event and its file line meet.</summary>
    private static string? ToSecond(string? timestamp)
    {
        if (timestamp is null || timestamp.IndexOf('.', StringComparison.Ordinal) is not (> 0 and var dot))
            return timestamp;
        var end = dot + 1;
        while (end < timestamp.Length && char.IsAsciiDigit(timestamp[end]))
            end++;
        return timestamp[..dot] + timestamp[end..];
    }
}
