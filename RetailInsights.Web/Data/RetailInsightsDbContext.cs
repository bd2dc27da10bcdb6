using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data;

/// <summary>
/// The star schema (dimensions, sales and refund facts, the uploads they came from) and the app's own records:
/// users and roles (ASP.NET Core Identity), API keys, the audit log, and the Data Protection keys that sign cookies.
/// </summary>
public sealed class RetailInsightsDbContext(DbContextOptions<RetailInsightsDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DimDate> Dates => Set<DimDate>();
    public DbSet<DimProduct> Products => Set<DimProduct>();
    public DbSet<DimCustomer> Customers => Set<DimCustomer>();
    public DbSet<DimStore> Stores => Set<DimStore>();
    public DbSet<DimRetailer> Retailers => Set<DimRetailer>();
    public DbSet<FactSale> Sales => Set<FactSale>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<SourceMapping> SourceMappings => Set<SourceMapping>();
    public DbSet<SourceEndpoint> SourceEndpoints => Set<SourceEndpoint>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<RejectedRow> RejectedRows => Set<RejectedRow>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<AnalysisRun> AnalysisRuns => Set<AnalysisRun>();
    public DbSet<RunRule> RunRules => Set<RunRule>();
    public DbSet<RunRuleProduct> RunRuleProducts => Set<RunRuleProduct>();
    public DbSet<RunCustomer> RunCustomers => Set<RunCustomer>();
    public DbSet<RunCluster> RunClusters => Set<RunCluster>();
    public DbSet<RunKChoice> RunKChoices => Set<RunKChoice>();
    public DbSet<RunSegmentCell> RunSegmentCells => Set<RunSegmentCell>();
    public DbSet<RunSegmentMove> RunSegmentMoves => Set<RunSegmentMove>();
    public DbSet<RunValueModel> RunValueModels => Set<RunValueModel>();
    public DbSet<RunCustomerValue> RunCustomerValues => Set<RunCustomerValue>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // GIN indexes over a plain column and an array (run_rules): a trusted extension the database owner may create.
        modelBuilder.HasPostgresExtension("btree_gin");
        Configurations.IdentityTableNames.Apply(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RetailInsightsDbContext).Assembly);
    }
}
