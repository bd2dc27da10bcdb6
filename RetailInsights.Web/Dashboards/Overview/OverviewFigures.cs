namespace RetailInsights.Web.Dashboards.Overview;

/// <summary>A period's headline figures: what sold, what came back, how many transactions and customers.</summary>
public sealed record PeriodFigures(decimal Gross, decimal Refunds, long Transactions, long Customers)
{
    public decimal Net => Gross - Refunds;

    /// <summary>Gross revenue per transaction (zero with no transaction).</summary>
    public decimal AverageBasket => Transactions == 0 ? 0 : Math.Round(Gross / Transactions, 2);
}

public sealed record DayFigures(DateOnly Day, decimal Gross, decimal Refunds, long Transactions, long Customers)
{
    public decimal Net => Gross - Refunds;

    public decimal AverageBasket => Transactions == 0 ? 0 : Math.Round(Gross / Transactions, 2);
}

/// <summary>The filter's period, the one before it, and each day of the period (for the sparklines).</summary>
public sealed record OverviewKpis(PeriodFigures Current, PeriodFigures Previous, IReadOnlyList<DayFigures> Days);

public sealed record CategoryDay(DateOnly Day, string Category, decimal Gross);

public sealed record TopProduct(string StockCode, string? Description, string Category, long Quantity, decimal Gross, decimal PreviousGross);

/// <summary>How recent the data is: the latest sale, the last upload loaded, the last analytics run.</summary>
public sealed record Freshness(DateOnly? LatestSaleDay, int? LatestSaleHour, DateTime? LastUploadAt, DateTime? LastRunAt)
{
    /// <summary>Whole days between the latest sale and today; a day or more old deserves a warning.</summary>
    public int? DaysBehind(DateOnly today) => LatestSaleDay is { } day ? today.DayNumber - day.DayNumber : null;
}
