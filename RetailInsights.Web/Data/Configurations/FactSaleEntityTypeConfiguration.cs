using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class FactSaleEntityTypeConfiguration : IEntityTypeConfiguration<FactSale>
{
    public void Configure(EntityTypeBuilder<FactSale> builder)
    {
        builder.ToTable("fact_sales", t =>
        {
            t.HasCheckConstraint("ck_fact_sales_quantity", "quantity > 0");
            t.HasCheckConstraint("ck_fact_sales_unit_price", "unit_price >= 0");
            t.HasCheckConstraint("ck_fact_sales_line_amount", "line_amount = quantity * unit_price");
            t.HasCheckConstraint("ck_fact_sales_invoice", "length(btrim(invoice)) > 0");
            t.HasCheckConstraint("ck_fact_sales_line_occurrence", "line_occurrence >= 1");
        });
        builder.HasKey(s => s.SaleId);
        builder.Property(s => s.SaleId).UseIdentityAlwaysColumn();
        builder.Property(s => s.Invoice).HasMaxLength(64);
        builder.Property(s => s.UnitPrice).HasPrecision(12, 3);
        builder.Property(s => s.LineAmount).HasPrecision(18, 3);
        builder.Property(s => s.InvoicedAt).HasColumnType("timestamp without time zone");

        builder.HasOne(s => s.Product).WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Date).WithMany().HasForeignKey(s => s.DateKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Customer).WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Store).WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Retailer).WithMany().HasForeignKey(s => s.RetailerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Upload).WithMany().HasForeignKey(s => s.UploadId).OnDelete(DeleteBehavior.Restrict);

        // The natural key of a line: the same line arriving again in an overlapping file is a duplicate.
        builder.Property(s => s.LineOccurrence).HasDefaultValue((short)1);
        builder.HasIndex(s => new { s.RetailerId, s.Invoice, s.ProductId, s.InvoicedAt, s.Quantity, s.UnitPrice, s.LineOccurrence })
            .IsUnique()
            .HasDatabaseName("ux_fact_sales_natural_key");

        // Dashboards slice by day, customer, product and store; uploads are listed and undone by upload.
        builder.HasIndex(s => s.DateKey);
        builder.HasIndex(s => new { s.CustomerId, s.InvoicedAt }).HasFilter("customer_id IS NOT NULL");
        builder.HasIndex(s => new { s.ProductId, s.DateKey });
        builder.HasIndex(s => new { s.StoreId, s.DateKey });
        builder.HasIndex(s => s.UploadId);
        builder.HasIndex(s => s.InvoicedAt);
    }
}
