using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class DimRetailerEntityTypeConfiguration : IEntityTypeConfiguration<DimRetailer>
{
    public void Configure(EntityTypeBuilder<DimRetailer> builder)
    {
        builder.ToTable("dim_retailer");
        builder.HasKey(r => r.RetailerId);
        builder.Property(r => r.Code).HasMaxLength(64);
        builder.Property(r => r.Name).HasMaxLength(256);
        builder.HasIndex(r => r.Code).IsUnique();
    }
}
