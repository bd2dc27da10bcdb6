using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data;

/// <summary>The star schema: dimensions, sales and refund facts, and the uploads they came from.</summary>
public sealed class RetailInsightsDbContext(DbContextOptions<RetailInsightsDbContext> options) : DbContext(options)
{
    public DbSet<DimDate> Dates => Set<DimDate>();
    public DbSet<DimProduct> Products => Set<DimProduct>();
    public DbSet<DimCustomer> Customers => Set<DimCustomer>();
    public DbSet<DimStore> Stores => Set<DimStore>();
    public DbSet<DimRetailer> Retailers => Set<DimRetailer>();
    public DbSet<FactSale> Sales => Set<FactSale>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<RejectedRow> RejectedRows => Set<RejectedRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RetailInsightsDbContext).Assembly);
}
