namespace RetailInsights.Web.Dashboards.Refunds;

/// <summary>What came back and what was sold in one slice of the view (a product, a store, a reason, a day, all of it).</summary>
public sealed record RefundTotals(long Refunds, decimal Refunded, decimal Sold)
{
    public static readonly RefundTotals None = new(0, 0, 0);

    /// <summary>Refunded ÷ sold gross; null when nothing sold in these days (see <see cref="RefundRates.Of"/>).</summary>
    public double? Rate => RefundRates.Of(Refunded, Sold);

    public RefundTotals Plus(RefundTotals other) => new(Refunds + other.Refunds, Refunded + other.Refunded, Sold + other.Sold);
}

/// <summary>One bar of a breakdown: its key (stock code, store code, reason code), how it reads, and its figures.</summary>
public sealed record RateRow(string Key, string Label, string? Detail, RefundTotals Totals);

/// <summary>A breakdown's rows and the whole view's figures, so shares and the comparison line come with the rows.</summary>
public sealed record RateBreakdown(IReadOnlyList<RateRow> Rows, RefundTotals All);

public sealed record RateDay(DateOnly Day, RefundTotals Totals);

/// <summary>The filter's days and the days before them, and each day of the filter's range.</summary>
public sealed record RefundHeadline(RefundTotals Current, RefundTotals Previous, IReadOnlyList<RateDay> Days);

public sealed record LargeRefund(string RefundCode, string Invoice, string StockCode, string? Product, string StoreCode, string? StoreCity,
    decimal Amount, int Quantity, string Reason, DateTime RefundedAt)
{
    public string ProductLabel => Product ?? StockCode;
}

/// <summary>A product the filter names, as the page shows it.</summary>
public sealed record ProductName(string StockCode, string? Description)
{
    public string Label => Description is null ? StockCode : $"{Description} ({StockCode})";
}
