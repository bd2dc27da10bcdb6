using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class SourceEndpointEntityTypeConfiguration : IEntityTypeConfiguration<SourceEndpoint>
{
    public void Configure(EntityTypeBuilder<SourceEndpoint> builder)
    {
        builder.ToTable("source_endpoints", t =>
        {
            t.HasCheckConstraint("ck_source_endpoints_paging", "paging IN ('pages', 'next-link')");
            t.HasCheckConstraint("ck_source_endpoints_auth", "auth IN ('none', 'api-key', 'bearer', 'basic')");
            t.HasCheckConstraint("ck_source_endpoints_page_size", $"page_size BETWEEN 1 AND {SourceEndpoint.MaxPageSize}");
        });
        builder.HasKey(e => e.RetailerId);
        builder.Property(e => e.RetailerId).ValueGeneratedNever();
        builder.Property(e => e.BaseUrl).HasMaxLength(SourceEndpoint.MaxUrlLength);
        builder.Property(e => e.Paging).HasMaxLength(16);
        builder.Property(e => e.SinceParameter).HasMaxLength(64);
        builder.Property(e => e.RecordsPath).HasMaxLength(256);
        builder.Property(e => e.CursorField).HasMaxLength(256);
        builder.Property(e => e.Schedule).HasMaxLength(100);
        builder.Property(e => e.Auth).HasMaxLength(16);
        builder.Property(e => e.AuthHeader).HasMaxLength(100);
        builder.Property(e => e.AuthUser).HasMaxLength(256);
        builder.Property(e => e.Cursor).HasMaxLength(256);
        builder.Property(e => e.SavedBy).HasMaxLength(256);
        builder.HasOne<DimRetailer>().WithOne().HasForeignKey<SourceEndpoint>(e => e.RetailerId).OnDelete(DeleteBehavior.Restrict);
    }
}
