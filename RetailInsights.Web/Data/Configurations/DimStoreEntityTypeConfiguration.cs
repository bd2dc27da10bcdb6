using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class DimStoreEntityTypeConfiguration : IEntityTypeConfiguration<DimStore>
{
    public void Configure(EntityTypeBuilder<DimStore> builder)
    {
        builder.ToTable("dim_store", t => t.HasCheckConstraint("ck_dim_store_size_sq_ft", "size_sq_ft > 0"));
        builder.HasKey(s => s.StoreId);
        builder.Property(s => s.StoreCode).HasMaxLength(FieldLimits.Code);
        builder.Property(s => s.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(s => s.City).HasMaxLength(FieldLimits.Place);
        builder.Property(s => s.Region).HasMaxLength(FieldLimits.Place);
        builder.HasIndex(s => s.StoreCode).IsUnique();
    }
}
