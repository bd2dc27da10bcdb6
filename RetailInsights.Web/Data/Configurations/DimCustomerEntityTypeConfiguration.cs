using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class DimCustomerEntityTypeConfiguration : IEntityTypeConfiguration<DimCustomer>
{
    public void Configure(EntityTypeBuilder<DimCustomer> builder)
    {
        builder.ToTable("dim_customer");
        builder.HasKey(c => c.CustomerId);
        builder.Property(c => c.CustomerCode).HasMaxLength(FieldLimits.Code);
        builder.Property(c => c.Country).HasMaxLength(FieldLimits.Place);
        builder.HasIndex(c => c.CustomerCode).IsUnique();
    }
}
