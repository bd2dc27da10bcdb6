using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Dashboards.Stores;

public sealed class StoreQueries(IDbContextFactory<RetailInsightsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<StorePerformance>> GetPerformanceAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sales = await db.Sales.GroupBy(s => s.StoreId)
            .Select(g => new { StoreId = g.Key, Gross = g.Sum(s => s.LineAmount), Transactions = g.Select(s => s.Invoice).Distinct().LongCount() })
            .ToDictionaryAsync(x => x.StoreId, cancellationToken);
        var refunds = await db.Refunds.GroupBy(r => r.StoreId)
            .Select(g => new { StoreId = g.Key, Amount = g.Sum(r => r.Amount) })
            .ToDictionaryAsync(x => x.StoreId, x => x.Amount, cancellationToken);
        var stores = await db.Stores.AsNoTracking().ToListAsync(cancellationToken);
        return stores
            .Select(s => new StorePerformance(s.StoreCode, s.Name, s.City, s.Region, s.SizeSqFt,
                sales.TryGetValue(s.StoreId, out var sale) ? sale.Gross : 0m,
                refunds.GetValueOrDefault(s.StoreId),
                sale?.Transactions ?? 0))
            .OrderByDescending(s => s.NetRevenue)
            .ToList();
    }
}
