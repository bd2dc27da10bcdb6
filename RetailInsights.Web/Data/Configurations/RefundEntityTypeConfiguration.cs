using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Core.Domain;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class RefundEntityTypeConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        var reasons = string.Join(", ", RefundReasons.All.Select(r => $"'{r}'"));
        builder.ToTable("refunds", t =>
        {
            t.HasCheckConstraint("ck_refunds_quantity", "quantity > 0");
            t.HasCheckConstraint("ck_refunds_amount", "amount >= 0");
            t.HasCheckConstraint("ck_refunds_reason", $"reason IN ({reasons})");
        });
        builder.HasKey(r => r.RefundId);
        builder.Property(r => r.RefundId).UseIdentityAlwaysColumn();
        // Byte order, as the sales' invoices they are compared with (see FactSaleEntityTypeConfiguration).
        builder.Property(r => r.RefundCode).HasMaxLength(FieldLimits.Code).UseCollation("C");
        builder.Property(r => r.OriginalInvoice).HasMaxLength(FieldLimits.Code).UseCollation("C");
        builder.Property(r => r.Reason).HasMaxLength(32);
        builder.Property(r => r.Amount).HasPrecision(FieldLimits.AmountPrecision, FieldLimits.Scale);
        builder.Property(r => r.RefundedAt).HasColumnType("timestamp without time zone");

        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Store).WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Customer).WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimRetailer>().WithMany().HasForeignKey(r => r.RetailerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimDate>().WithMany().HasForeignKey(r => r.DateKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Upload).WithMany().HasForeignKey(r => r.UploadId).OnDelete(DeleteBehavior.Restrict);

        builder.Property(r => r.LineOccurrence).HasDefaultValue(1);
        builder.HasIndex(r => new { r.RetailerId, r.RefundCode, r.ProductId, r.RefundedAt, r.Quantity, r.Amount, r.LineOccurrence })
            .IsUnique()
            .HasDatabaseName("ux_refunds_natural_key");
        // A day's refunds largest first: the Refunds page's largest of a range reads the top of each day's run.
        builder.HasIndex(r => new { r.DateKey, r.Amount, r.RefundedAt, r.RefundId })
            .IsDescending(false, true, true, false)
            .HasDatabaseName("ix_refunds_day_largest_first");
        builder.HasIndex(r => r.OriginalInvoice);
        builder.HasIndex(r => new { r.ProductId, r.DateKey });
        builder.HasIndex(r => new { r.StoreId, r.DateKey });
        builder.HasIndex(r => r.UploadId);
    }
}
