namespace RetailInsights.Web.Live;

/// <summary>Today so far, over every store and source.</summary>
public sealed record LiveToday(DateOnly Day, decimal Gross, decimal Refunds, long Transactions, long Customers)
{
    public decimal Net => Gross - Refunds;
}

/// <summary>Revenue per minute of one store or product over the last hour (oldest first, a value per minute).</summary>
public sealed record MinuteSeries(string Key, string Label, IReadOnlyList<decimal> Revenue);

public sealed record LiveSale(DateTime At, string Invoice, string Product, string Store, string? Customer, decimal Amount, bool IsLate);

public sealed record LiveRefund(DateTime At, string Invoice, string Product, string Store, decimal Amount, string Reason);

/// <summary>A store whose latest minute departs from its last hour (robust z-score, as the daily flags).</summary>
public sealed record MinuteAnomaly(string Store, DateTime Minute, decimal Revenue, double RobustZ)
{
    public bool IsHigh => RobustZ > 0;
}

/// <summary>What every open Live page shows, computed once for all of them.</summary>
public sealed record LiveSnapshot(DateTime At, LiveToday Today, IReadOnlyList<DateTime> Minutes, IReadOnlyList<MinuteSeries> ByStore,
    IReadOnlyList<MinuteSeries> ByProduct, IReadOnlyList<LiveSale> Sales, IReadOnlyList<LiveRefund> Refunds,
    IReadOnlyList<MinuteAnomaly> Anomalies)
{
    public static readonly LiveSnapshot Empty = new(DateTime.MinValue, new LiveToday(default, 0, 0, 0, 0), [], [], [], [], [], []);
}
