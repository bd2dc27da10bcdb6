namespace RetailInsights.Web.Dashboards.Overview;

public sealed record KpiSummary(
    decimal GrossRevenue,
    decimal Refunds,
    long Transactions,
    long Customers,
    DateOnly? FirstDay,
    DateOnly? LastDay)
{
    public decimal NetRevenue => GrossRevenue - Refunds;
}

public sealed record MonthRevenue(int Year, int Month, decimal GrossRevenue, long Transactions);

public sealed record DayRevenue(DateOnly Date, decimal GrossRevenue, decimal Refunds);
