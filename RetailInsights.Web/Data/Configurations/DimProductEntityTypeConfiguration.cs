using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class DimProductEntityTypeConfiguration : IEntityTypeConfiguration<DimProduct>
{
    public void Configure(EntityTypeBuilder<DimProduct> builder)
    {
        builder.ToTable("dim_product", t => t.HasCheckConstraint("ck_dim_product_base_price", "base_price >= 0"));
        builder.HasKey(p => p.ProductId);
        builder.Property(p => p.StockCode).HasMaxLength(FieldLimits.Code);
        builder.Property(p => p.Description).HasMaxLength(FieldLimits.Description);
        builder.Property(p => p.Category).HasMaxLength(FieldLimits.Place);
        builder.Property(p => p.BasePrice).HasPrecision(FieldLimits.PricePrecision, FieldLimits.Scale);
        builder.Property(p => p.IsNonProduct).HasDefaultValue(false);
        builder.HasIndex(p => p.StockCode).IsUnique();
    }
}
