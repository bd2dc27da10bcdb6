using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class DimStoreEntityTypeConfiguration : IEntityTypeConfiguration<DimStore>
{
    public void Configure(EntityTypeBuilder<DimStore> builder)
    {
        builder.ToTable("dim_store", t => t.HasCheckConstraint("ck_dim_store_size_sq_ft", "size_sq_ft > 0"));
        builder.HasKey(s => s.StoreId);
        builder.Property(s => s.StoreCode).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(256);
        builder.Property(s => s.City).HasMaxLength(128);
        builder.Property(s => s.Region).HasMaxLength(128);
        builder.HasIndex(s => s.StoreCode).IsUnique();
    }
}
