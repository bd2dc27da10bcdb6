using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Dashboards.Overview;

public sealed class OverviewQueries(IDbContextFactory<RetailInsightsDbContext> dbFactory)
{
    public async Task<KpiSummary> GetKpisAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var gross = await db.Sales.SumAsync(s => (decimal?)s.LineAmount, cancellationToken) ?? 0m;
        var refunds = await db.Refunds.SumAsync(r => (decimal?)r.Amount, cancellationToken) ?? 0m;
        var transactions = await db.Sales.Select(s => s.Invoice).Distinct().LongCountAsync(cancellationToken);
        var customers = await db.Sales.Where(s => s.CustomerId != null).Select(s => s.CustomerId)
            .Distinct().LongCountAsync(cancellationToken);
        var firstKey = await db.Sales.MinAsync(s => (int?)s.DateKey, cancellationToken);
        var lastKey = await db.Sales.MaxAsync(s => (int?)s.DateKey, cancellationToken);
        return new KpiSummary(gross, refunds, transactions, customers, ToDate(firstKey), ToDate(lastKey));
    }

    public async Task<IReadOnlyList<MonthRevenue>> GetRevenueByMonthAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Sales
            .Join(db.Dates, s => s.DateKey, d => d.DateKey, (s, d) => new { s.Invoice, s.LineAmount, d.Year, d.Month })
            .GroupBy(s => new { s.Year, s.Month })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                Gross = g.Sum(s => s.LineAmount),
                Transactions = g.Select(s => s.Invoice).Distinct().LongCount(),
            })
            .OrderBy(m => m.Year).ThenBy(m => m.Month)
            .ToListAsync(cancellationToken);
        return rows.Select(m => new MonthRevenue(m.Year, m.Month, m.Gross, m.Transactions)).ToList();
    }

    /// <summary>Gross revenue and refunds per day, for the trend chart.</summary>
    public async Task<IReadOnlyList<DayRevenue>> GetRevenueByDayAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sales = await db.Sales.GroupBy(s => s.DateKey)
            .Select(g => new { g.Key, Gross = g.Sum(s => s.LineAmount) })
            .ToDictionaryAsync(x => x.Key, x => x.Gross, cancellationToken);
        var refunds = await db.Refunds.GroupBy(r => r.DateKey)
            .Select(g => new { g.Key, Amount = g.Sum(r => r.Amount) })
            .ToDictionaryAsync(x => x.Key, x => x.Amount, cancellationToken);
        return sales.Keys.Union(refunds.Keys).Order()
            .Select(k => new DayRevenue(ToDate(k)!.Value, sales.GetValueOrDefault(k), refunds.GetValueOrDefault(k)))
            .ToList();
    }

    private static DateOnly? ToDate(int? dateKey) =>
        dateKey is { } k ? new DateOnly(k / 10000, k / 100 % 100, k % 100) : null;
}
