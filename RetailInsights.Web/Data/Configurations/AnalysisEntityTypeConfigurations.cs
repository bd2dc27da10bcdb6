using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class AnalysisRunEntityTypeConfiguration : IEntityTypeConfiguration<AnalysisRun>
{
    public void Configure(EntityTypeBuilder<AnalysisRun> builder)
    {
        builder.ToTable("analysis_runs", t => t.HasCheckConstraint("ck_analysis_runs_status",
            $"status IN ('{AnalysisRunStatuses.Running}', '{AnalysisRunStatuses.Succeeded}', '{AnalysisRunStatuses.Failed}')"));
        builder.HasKey(r => r.RunId);
        builder.Property(r => r.RunId).UseIdentityAlwaysColumn();
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.Timings).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.Status, r.RunId });
    }
}

internal sealed class RunRuleEntityTypeConfiguration : IEntityTypeConfiguration<RunRule>
{
    public void Configure(EntityTypeBuilder<RunRule> builder)
    {
        builder.ToTable("run_rules");
        builder.HasKey(r => new { r.RunId, r.RuleNo });
        builder.HasOne<AnalysisRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        // A product's rules within a run (either side), and one rule's sides across runs: GIN over the run and the
        // items (btree_gin lets the run id share the index), so neither reads a whole run or every run.
        builder.HasIndex(r => new { r.RunId, r.Antecedent }).HasMethod("gin");
        builder.HasIndex(r => new { r.RunId, r.Consequent }).HasMethod("gin");
    }
}

internal sealed class RunRuleProductEntityTypeConfiguration : IEntityTypeConfiguration<RunRuleProduct>
{
    public void Configure(EntityTypeBuilder<RunRuleProduct> builder)
    {
        builder.ToTable("run_rule_products");
        builder.HasKey(p => new { p.RunId, p.StockCode });
        builder.Property(p => p.StockCode).HasMaxLength(64);
        builder.HasOne<AnalysisRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunCustomerEntityTypeConfiguration : IEntityTypeConfiguration<RunCustomer>
{
    public void Configure(EntityTypeBuilder<RunCustomer> builder)
    {
        builder.ToTable("run_customers", t => t.HasCheckConstraint("ck_run_customers_scores", "r BETWEEN 1 AND 5 AND f BETWEEN 1 AND 5 AND m BETWEEN 1 AND 5"));
        builder.HasKey(c => new { c.RunId, c.CustomerCode });
        builder.Property(c => c.CustomerCode).HasMaxLength(64);
        builder.Property(c => c.Segment).HasMaxLength(64);
        builder.Property(c => c.Monetary).HasPrecision(18, 2);
        builder.Property(c => c.Plotted).HasDefaultValue(false);
        builder.HasOne<AnalysisRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CustomerCode, c.RunId });
        builder.HasIndex(c => c.RunId).HasFilter("plotted").HasDatabaseName("ix_run_customers_plotted");
        // The customer list's default order, highest spend first, read from an index (by segment, when one is chosen).
        builder.HasIndex(c => new { c.RunId, c.Monetary, c.CustomerCode }).IsDescending(false, true, false).HasDatabaseName("ix_run_customers_by_spend");
        builder.HasIndex(c => new { c.RunId, c.Segment, c.Monetary, c.CustomerCode }).IsDescending(false, false, true, false)
            .HasDatabaseName("ix_run_customers_by_segment_spend");
    }
}

internal sealed class RunClusterEntityTypeConfiguration : IEntityTypeConfiguration<RunCluster>
{
    public void Configure(EntityTypeBuilder<RunCluster> builder)
    {
        builder.ToTable("run_clusters");
        builder.HasKey(c => new { c.RunId, c.Cluster });
        builder.Property(c => c.MeanMonetary).HasPrecision(18, 2);
        builder.HasOne<AnalysisRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunValueModelEntityTypeConfiguration : IEntityTypeConfiguration<RunValueModel>
{
    public void Configure(EntityTypeBuilder<RunValueModel> builder)
    {
        builder.ToTable("run_value_models", t => t.HasCheckConstraint("ck_run_value_models_status",
            $"status IN ('{RunValueModelStatuses.Fitted}', '{RunValueModelStatuses.Insufficient}', '{RunValueModelStatuses.Failed}')"));
        builder.HasKey(m => m.RunId);
        builder.Property(m => m.RunId).ValueGeneratedNever();
        builder.Property(m => m.Status).HasMaxLength(16);
        builder.Property(m => m.Diagnostics).HasColumnType("jsonb");
        builder.Property(m => m.Backtest).HasColumnType("jsonb");
        builder.HasOne<AnalysisRun>().WithOne().HasForeignKey<RunValueModel>(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunCustomerValueEntityTypeConfiguration : IEntityTypeConfiguration<RunCustomerValue>
{
    public void Configure(EntityTypeBuilder<RunCustomerValue> builder)
    {
        builder.ToTable("run_customer_values", t => t.HasCheckConstraint("ck_run_customer_values_band", "churn_band BETWEEN 0 AND 2"));
        builder.HasKey(v => new { v.RunId, v.CustomerCode });
        builder.Property(v => v.CustomerCode).HasMaxLength(64);
        builder.Property(v => v.Expected30Days).HasColumnName("expected_30_days");
        builder.Property(v => v.Expected90Days).HasColumnName("expected_90_days");
        builder.Property(v => v.Expected365Days).HasColumnName("expected_365_days");
        builder.Property(v => v.ExpectedSpend).HasPrecision(18, 2);
        builder.Property(v => v.PredictedValue).HasPrecision(18, 2);
        builder.HasOne<AnalysisRun>().WithMany().HasForeignKey(v => v.RunId).OnDelete(DeleteBehavior.Cascade);
        // The Customer value page's list, most valuable first, within a run.
        builder.HasIndex(v => new { v.RunId, v.PredictedValue }).IsDescending(false, true);
    }
}

