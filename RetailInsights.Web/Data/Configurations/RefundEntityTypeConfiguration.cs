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
        // Numbered as they load, to break ties in the lists of refunds; unique by construction, so without an index.
        builder.Property(r => r.RefundId).UseIdentityAlwaysColumn();
        // Byte order, as the sales' invoices they are compared with (see FactSaleEntityTypeConfiguration).
        builder.Property(r => r.RefundCode).HasMaxLength(FieldLimits.Code).UseCollation("C");
        builder.Property(r => r.OriginalInvoice).HasMaxLength(FieldLimits.Code).UseCollation("C");
        builder.Property(r => r.Reason).HasMaxLength(32);
        builder.Property(r => r.Amount).HasPrecision(FieldLimits.AmountPrecision, FieldLimits.Scale);
        builder.Property(r => r.RefundedAt).HasColumnType("timestamp without time zone");

        // No foreign keys, as the sales table (see FactSaleEntityTypeConfiguration): checking six of them row by row took
        // half of a refund's insert, and refunds took as long to load as ten times as many sales. The load guarantees
        // them the same way, and a test checks that no refund is ever orphaned.

        // The natural key is the key, as the sales' (see FactSaleEntityTypeConfiguration).
        builder.Property(r => r.LineOccurrence).HasDefaultValue(1);
        builder.HasKey(r => new { r.RetailerId, r.RefundCode, r.ProductId, r.RefundedAt, r.Quantity, r.Amount, r.LineOccurrence })
            .HasName("pk_refunds");
        // A day's refunds largest first: the Refunds page's largest of a range reads the top of each day's run.
        builder.HasIndex(r => new { r.DateKey, r.Amount, r.RefundedAt, r.RefundId })
            .IsDescending(false, true, true, false)
            .HasDatabaseName("ix_refunds_day_largest_first");
        // The customer page lists a customer's refunds; a replacement deletes an upload's. Pages that slice refunds by
        // product, store or day read the refund summaries, so the facts keep no index for those.
        builder.HasIndex(r => r.CustomerId);
        builder.HasIndex(r => r.UploadId);
    }
}
