using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class RunKChoiceEntityTypeConfiguration : IEntityTypeConfiguration<RunKChoice>
{
    public void Configure(EntityTypeBuilder<RunKChoice> builder)
    {
        builder.ToTable("run_k_choices", t => t.HasCheckConstraint("ck_run_k_choices_k", "k >= 1"));
        builder.HasKey(c => new { c.RunId, c.K });
        builder.HasOne<AnalysisRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunSegmentCellEntityTypeConfiguration : IEntityTypeConfiguration<RunSegmentCell>
{
    public void Configure(EntityTypeBuilder<RunSegmentCell> builder)
    {
        builder.ToTable("run_segment_cells", t => t.HasCheckConstraint("ck_run_segment_cells_scores", "r BETWEEN 1 AND 5 AND fm BETWEEN 1 AND 5"));
        builder.HasKey(c => new { c.RunId, c.R, c.FM });
        builder.Property(c => c.FM).HasColumnName("fm");
        builder.Property(c => c.Segment).HasMaxLength(64);
        builder.Property(c => c.Monetary).HasPrecision(18, 2);
        builder.HasOne<AnalysisRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunSegmentMoveEntityTypeConfiguration : IEntityTypeConfiguration<RunSegmentMove>
{
    public void Configure(EntityTypeBuilder<RunSegmentMove> builder)
    {
        builder.ToTable("run_segment_moves");
        builder.HasKey(m => new { m.RunId, m.FromSegment, m.ToSegment });
        builder.Property(m => m.FromSegment).HasMaxLength(64);
        builder.Property(m => m.ToSegment).HasMaxLength(64);
        builder.HasOne<AnalysisRun>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
