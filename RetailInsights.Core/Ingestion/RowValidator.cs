using RetailInsights.Core.Domain;

namespace RetailInsights.Core.Ingestion;

/// <summary>Turns a record into a row of its kind, or collects every reason it cannot be one.</summary>
internal interface IRowValidator<out TRow> where TRow : ParsedRow
{
    /// <returns>The row, or null with <paramref name="reasons"/> filled.</returns>
    TRow? Validate<TFields>(in TFields fields, long lineNumber, List<string> reasons, out RowFlags flags) where TFields : IRecordFields;
}

/// <summary>The checks every kind shares; one subclass per kind builds that kind's row.</summary>
internal abstract class RowValidator(ReadOptions options, DateOrder dateOrder)
{
    private readonly TimeZoneInfo? _zone = options.Mapping?.Zone();

    protected ReadOptions Options { get; } = options;

    // Times are the shops' local time: with a known zone, "the future" starts at the shops' now, not the server's.
    private readonly DateTime _latest = (options.Mapping?.Zone() is { } zone
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(options.Now, DateTimeKind.Utc), zone)
        : options.Now) + options.FutureTolerance;

    public static IRowValidator<ParsedRow> For(UploadKind kind, ReadOptions options, DateOrder dateOrder) => kind switch
    {
        UploadKind.Transactions => new TransactionValidator(options, dateOrder),
        UploadKind.Refunds => new RefundValidator(options, dateOrder),
        UploadKind.ProductCatalog => new ProductValidator(options, dateOrder),
        UploadKind.StoreLocations => new StoreValidator(options, dateOrder),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    protected string Required(string value, string reasonWhenMissing, List<string> reasons)
    {
        if (value.Length == 0)
            reasons.Add(reasonWhenMissing);
        return value;
    }

    protected DateTime Date(string value, List<string> reasons)
    {
        if (!ValueParsers.TryParseDate(value, dateOrder, out var date, _zone))
            reasons.Add(RejectReasons.BadDate);
        else if (date > _latest)
            reasons.Add(RejectReasons.FutureDate);
        return date;
    }

    /// <summary>A file without a quantity column (see <see cref="ColumnSpec.DerivableFrom"/>) has one item per line.</summary>
    protected static string QuantityOrOne<TFields>(in TFields f, ColumnSpec quantity) where TFields : IRecordFields =>
        f.Has(quantity) ? f[quantity] : "1";

    protected string Store(string value) => value.Length > 0 ? value : Options.DefaultStoreCode ?? UnassignedStore;

    /// <summary>Adds <see cref="RejectReasons.StoreOutOfScope"/> for a store outside <see cref="ReadOptions.AllowedStores"/>.</summary>
    protected void CheckStoreScope(string store, List<string> reasons)
    {
        if (Options.AllowedStores is { } allowed && store.Length > 0 && !allowed.Contains(store))
            reasons.Add(RejectReasons.StoreOutOfScope);
    }

    /// <summary>Adds <see cref="RejectReasons.ValueOutOfRange"/> (once) when any text is longer than its column.</summary>
    protected static void CheckLengths(List<string> reasons, params ReadOnlySpan<(string? Value, int Max)> texts)
    {
        foreach (var (value, max) in texts)
            if (value is not null && value.Length > max)
                OutOfRange(reasons);
    }

    /// <returns>Whether the value fits; otherwise <see cref="RejectReasons.ValueOutOfRange"/> is added (once).</returns>
    protected static bool CheckAmount(decimal value, decimal max, List<string> reasons)
    {
        if (Math.Abs(value) <= max)
            return true;
        OutOfRange(reasons);
        return false;
    }

    private static void OutOfRange(List<string> reasons)
    {
        if (!reasons.Contains(RejectReasons.ValueOutOfRange))
            reasons.Add(RejectReasons.ValueOutOfRange);
    }

    /// <summary>Where lines of a file with no store column go when the uploader named no store.</summary>
    public const string UnassignedStore = "UNASSIGNED";

    private sealed class TransactionValidator(ReadOptions options, DateOrder order) : RowValidator(options, order), IRowValidator<TransactionRow>
    {
        public TransactionRow? Validate<TFields>(in TFields f, long lineNumber, List<string> reasons, out RowFlags flags) where TFields : IRecordFields
        {
            flags = RowFlags.None;
            var invoice = Required(f[FileSchemas.Transactions.Invoice], RejectReasons.MissingInvoice, reasons);
            var stockCode = Required(f[FileSchemas.Transactions.StockCode], RejectReasons.MissingStockCode, reasons);
            if (!ValueParsers.TryParseQuantity(QuantityOrOne(f, FileSchemas.Transactions.Quantity), f.DecimalComma, out var quantity))
                reasons.Add(RejectReasons.BadQuantity);
            else if (quantity == 0)
                reasons.Add(RejectReasons.ZeroQuantity);
            if (!TryPrice(f, quantity, out var price))
                reasons.Add(RejectReasons.BadPrice);
            else if (price < 0)
                reasons.Add(RejectReasons.NegativePrice);
            var at = Date(f[FileSchemas.Transactions.InvoiceDate], reasons);
            // Prices are kept with the schema's three decimals, so the natural key and line amount use the stored value;
            // the file's own line amount is checked against the price it wrote.
            var filePrice = price;
            price = FieldLimits.Round(price);
            var priceFits = CheckAmount(price, FieldLimits.MaxPrice, reasons) && CheckAmount(quantity * price, FieldLimits.MaxAmount, reasons);
            var description = f[FileSchemas.Transactions.Description];
            var country = f[FileSchemas.Transactions.Country];
            var store = Store(f[FileSchemas.Transactions.StoreCode]);
            CheckStoreScope(store, reasons);
            var customer = ValueParsers.NormalizeCustomerId(f[FileSchemas.Transactions.CustomerId]);
            CheckLengths(reasons, (invoice, FieldLimits.Code), (stockCode, FieldLimits.Code), (store, FieldLimits.Code),
                (customer, FieldLimits.Code), (description, FieldLimits.Description), (country, FieldLimits.Place));
            if (priceFits && f.Has(FileSchemas.Transactions.LineAmount)
                && ValueParsers.TryParseDecimal(f[FileSchemas.Transactions.LineAmount], f.DecimalComma, out var amount)
                && Math.Abs(amount - quantity * filePrice) > 0.01m)
                reasons.Add(RejectReasons.LineAmountMismatch);
            if (reasons.Count > 0)
                return null;

            if (customer is null)
                flags |= RowFlags.NoCustomer;
            if (quantity < 0 || invoice.StartsWith('C') || invoice.StartsWith('c'))
                flags |= RowFlags.Return;
            if (NonProductCodes.IsNonProduct(stockCode))
                flags |= RowFlags.NonProduct;
            if (price == 0)
                flags |= RowFlags.ZeroPrice;
            return new TransactionRow(lineNumber, invoice, stockCode, description.Length == 0 ? null : description, quantity, at,
                price, customer, country.Length == 0 ? null : country, store, flags);
        }

        // Without a unit price column the line total is the price of its quantity (a live event's amount).
        private static bool TryPrice<TFields>(in TFields f, int quantity, out decimal price) where TFields : IRecordFields
        {
            if (f.Has(FileSchemas.Transactions.Price))
                return ValueParsers.TryParseDecimal(f[FileSchemas.Transactions.Price], f.DecimalComma, out price);
            price = 0;
            if (quantity == 0 || !ValueParsers.TryParseDecimal(f[FileSchemas.Transactions.LineAmount], f.DecimalComma, out var amount))
                return false;
            price = amount / quantity;
            return true;
        }
    }

    private sealed class RefundValidator(ReadOptions options, DateOrder order) : RowValidator(options, order), IRowValidator<RefundRow>
    {
        public RefundRow? Validate<TFields>(in TFields f, long lineNumber, List<string> reasons, out RowFlags flags) where TFields : IRecordFields
        {
            flags = RowFlags.None;
            var refundId = Required(f[FileSchemas.Refunds.RefundId], RejectReasons.MissingRefundId, reasons);
            var invoice = Required(f[FileSchemas.Refunds.Invoice], RejectReasons.MissingInvoice, reasons);
            var stockCode = Required(f[FileSchemas.Refunds.StockCode], RejectReasons.MissingStockCode, reasons);
            if (!ValueParsers.TryParseQuantity(QuantityOrOne(f, FileSchemas.Refunds.Quantity), f.DecimalComma, out var quantity) || quantity < 0)
                reasons.Add(RejectReasons.BadQuantity);
            else if (quantity == 0)
                reasons.Add(RejectReasons.ZeroQuantity);
            if (!ValueParsers.TryParseDecimal(f[FileSchemas.Refunds.Amount], f.DecimalComma, out var amount))
                reasons.Add(RejectReasons.BadAmount);
            else if (amount < 0)
                reasons.Add(RejectReasons.NegativeAmount);
            var reason = f[FileSchemas.Refunds.Reason].ToLowerInvariant().Replace(' ', '_');
            if (!RefundReasons.FromRefundFiles.Contains(reason))
                reasons.Add(RejectReasons.BadReason);
            var at = Date(f[FileSchemas.Refunds.RefundedAt], reasons);
            amount = FieldLimits.Round(amount);
            CheckAmount(amount, FieldLimits.MaxAmount, reasons);
            var store = Store(f[FileSchemas.Refunds.StoreCode]);
            CheckStoreScope(store, reasons);
            var customer = ValueParsers.NormalizeCustomerId(f[FileSchemas.Refunds.CustomerId]);
            CheckLengths(reasons, (refundId, FieldLimits.Code), (invoice, FieldLimits.Code), (stockCode, FieldLimits.Code),
                (store, FieldLimits.Code), (customer, FieldLimits.Code));
            if (reasons.Count > 0)
                return null;
            return new RefundRow(lineNumber, refundId, invoice, stockCode, quantity, amount, reason, at, store, customer);
        }
    }

    private sealed class ProductValidator(ReadOptions options, DateOrder order) : RowValidator(options, order), IRowValidator<ProductRow>
    {
        public ProductRow? Validate<TFields>(in TFields f, long lineNumber, List<string> reasons, out RowFlags flags) where TFields : IRecordFields
        {
            flags = RowFlags.None;
            var stockCode = Required(f[FileSchemas.ProductCatalog.StockCode], RejectReasons.MissingStockCode, reasons);
            decimal? basePrice = null;
            var priceText = f[FileSchemas.ProductCatalog.BasePrice];
            if (priceText.Length > 0)
            {
                if (!ValueParsers.TryParseDecimal(priceText, f.DecimalComma, out var price))
                    reasons.Add(RejectReasons.BadPrice);
                else if (price < 0)
                    reasons.Add(RejectReasons.NegativePrice);
                basePrice = FieldLimits.Round(price);
                CheckAmount(basePrice.Value, FieldLimits.MaxPrice, reasons);
            }
            var description = f[FileSchemas.ProductCatalog.Description];
            var category = f[FileSchemas.ProductCatalog.Category];
            CheckLengths(reasons, (stockCode, FieldLimits.Code), (description, FieldLimits.Description), (category, FieldLimits.Place));
            if (reasons.Count > 0)
                return null;
            return new ProductRow(lineNumber, stockCode, description.Length == 0 ? null : description,
                category.Length == 0 ? null : category, basePrice, NonProductCodes.IsNonProduct(stockCode));
        }
    }

    private sealed class StoreValidator(ReadOptions options, DateOrder order) : RowValidator(options, order), IRowValidator<StoreLocationRow>
    {
        public StoreLocationRow? Validate<TFields>(in TFields f, long lineNumber, List<string> reasons, out RowFlags flags) where TFields : IRecordFields
        {
            flags = RowFlags.None;
            var storeCode = Required(f[FileSchemas.StoreLocations.StoreCode], RejectReasons.MissingStoreId, reasons);
            CheckStoreScope(storeCode, reasons);
            int? size = null;
            var sizeText = f[FileSchemas.StoreLocations.SizeSqFt];
            if (sizeText.Length > 0)
            {
                if (!ValueParsers.TryParseQuantity(sizeText, f.DecimalComma, out var parsed) || parsed <= 0)
                    reasons.Add(RejectReasons.BadSize);
                size = parsed;
            }
            var name = f[FileSchemas.StoreLocations.StoreName];
            CheckLengths(reasons, (storeCode, FieldLimits.Code), (name, FieldLimits.Name), (f[FileSchemas.StoreLocations.City], FieldLimits.Place),
                (f[FileSchemas.StoreLocations.Region], FieldLimits.Place));
            if (reasons.Count > 0)
                return null;
            return new StoreLocationRow(lineNumber, storeCode, name.Length == 0 ? null : name, f[FileSchemas.StoreLocations.City],
                f[FileSchemas.StoreLocations.Region], size);
        }
    }
}
