using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class DimDateEntityTypeConfiguration : IEntityTypeConfiguration<DimDate>
{
    public void Configure(EntityTypeBuilder<DimDate> builder)
    {
        builder.ToTable("dim_date", t =>
        {
            t.HasCheckConstraint("ck_dim_date_month", "month BETWEEN 1 AND 12");
            t.HasCheckConstraint("ck_dim_date_iso_day_of_week", "iso_day_of_week BETWEEN 1 AND 7");
        });
        builder.HasKey(d => d.DateKey);
        builder.Property(d => d.DateKey).ValueGeneratedNever();
        builder.HasIndex(d => d.Date).IsUnique();
    }
}
