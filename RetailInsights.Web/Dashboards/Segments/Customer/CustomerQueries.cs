using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Dashboards.Segments;

/// <summary>A customer's place in the latest run, how it moved over earlier runs, and what they bought.</summary>
public sealed record CustomerProfile(
    string Code,
    string? Country,
    AnalysisRun? Run,
    RunCustomer? Latest,
    RunCluster? Cluster,
    IReadOnlyList<CustomerRunEntry> History,
    IReadOnlyList<CustomerInvoice> Invoices,
    IReadOnlyList<CustomerProduct> TopProducts,
    decimal Refunded);

public sealed record CustomerRunEntry(long RunId, DateOnly AsOf, string Segment, short R, short F, short M, int Cluster);

public sealed record CustomerInvoice(string Invoice, DateTime At, string Store, int Lines, decimal Amount);

public sealed record CustomerProduct(string StockCode, string? Description, long Quantity, decimal Spend);

public sealed class CustomerQueries(IDbContextFactory<RetailInsightsDbContext> dbFactory)
{
    public const int InvoicesShown = 20;
    public const int ProductsShown = 10;

    /// <returns>Null when no sale or run names the customer.</returns>
    public async Task<CustomerProfile?> ProfileAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerCode == code, cancellationToken);
        var history = await (from c in db.RunCustomers
                             join r in db.AnalysisRuns on c.RunId equals r.RunId
                             where c.CustomerCode == code && r.Status == AnalysisRunStatuses.Succeeded
                             orderby r.RunId descending
                             select new CustomerRunEntry(r.RunId, r.AsOf, c.Segment, c.R, c.F, c.M, c.Cluster))
            .ToListAsync(cancellationToken);
        if (customer is null && history.Count == 0)
            return null;

        var run = await db.AnalysisRuns.AsNoTracking().Where(r => r.Status == AnalysisRunStatuses.Succeeded)
            .OrderByDescending(r => r.RunId).FirstOrDefaultAsync(cancellationToken);
        var latest = run is null ? null : await db.RunCustomers.AsNoTracking()
            .FirstOrDefaultAsync(c => c.RunId == run.RunId && c.CustomerCode == code, cancellationToken);
        var cluster = latest is null ? null : await db.RunClusters.AsNoTracking()
            .FirstOrDefaultAsync(c => c.RunId == latest.RunId && c.Cluster == latest.Cluster, cancellationToken);
        if (customer is null)
            return new CustomerProfile(code, null, run, latest, cluster, history, [], [], 0m);

        var sales = db.Sales.Where(s => s.CustomerId == customer.CustomerId);
        var invoices = await (from s in sales
                              join st in db.Stores on s.StoreId equals st.StoreId
                              group s by new { s.Invoice, st.StoreCode } into g
                              orderby g.Max(s => s.InvoicedAt) descending
                              select new CustomerInvoice(g.Key.Invoice, g.Max(s => s.InvoicedAt), g.Key.StoreCode, g.Count(), g.Sum(s => s.LineAmount)))
            .Take(InvoicesShown).ToListAsync(cancellationToken);
        var products = await (from s in sales
                              join p in db.Products on s.ProductId equals p.ProductId
                              where !s.IsNonProduct
                              group s by new { p.StockCode, p.Description } into g
                              orderby g.Sum(s => s.LineAmount) descending
                              select new CustomerProduct(g.Key.StockCode, g.Key.Description, g.Sum(s => (long)s.Quantity), g.Sum(s => s.LineAmount)))
            .Take(ProductsShown).ToListAsync(cancellationToken);
        var refunded = await db.Refunds.Where(r => r.CustomerId == customer.CustomerId).SumAsync(r => (decimal?)r.Amount, cancellationToken) ?? 0m;
        return new CustomerProfile(code, customer.Country, run, latest, cluster, history, invoices, products, refunded);
    }
}
