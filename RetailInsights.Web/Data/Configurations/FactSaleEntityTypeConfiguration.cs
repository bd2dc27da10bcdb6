using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Core.Ingestion;
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
        // Byte order ("C"): invoice numbers need no language rules, and the natural key compares them on every insert.
        builder.Property(s => s.Invoice).HasMaxLength(FieldLimits.Code).UseCollation("C");
        builder.Property(s => s.UnitPrice).HasPrecision(FieldLimits.PricePrecision, FieldLimits.Scale);
        builder.Property(s => s.LineAmount).HasPrecision(FieldLimits.AmountPrecision, FieldLimits.Scale);
        builder.Property(s => s.InvoicedAt).HasColumnType("timestamp without time zone");

        // No foreign keys, as in a warehouse's fact table: checking six of them row by row doubled the load time of
        // the biggest table. The load is what guarantees them — it adds the dimension rows first and resolves every
        // id by joining to them, dimension rows are never deleted, and a test checks that no fact is ever orphaned.

        // The natural key of a line is its key: the same line arriving again in an overlapping file is a duplicate. No
        // surrogate id: nothing refers to a line by one, and its index took a fifth of a line's insert.
        builder.Property(s => s.LineOccurrence).HasDefaultValue(1);
        builder.HasKey(s => new { s.RetailerId, s.Invoice, s.ProductId, s.InvoicedAt, s.Quantity, s.UnitPrice, s.LineOccurrence })
            .HasName("pk_fact_sales");

        // Dashboards and analytics read ranges of days; a file's lines share a day and arrive roughly in time order, so
        // block-range (BRIN) indexes find them at almost no cost to the load, where each random-order b-tree cost a sixth
        // of it. Slicing by product, store or customer reads most of the table anyway: the analytics group the whole
        // window, and no page looks up one customer's lines.
        builder.HasIndex(s => s.DateKey).HasMethod("brin");
        builder.HasIndex(s => s.InvoicedAt).HasMethod("brin");
        // A load reads its own lines back six times for the summaries (and a replacement deletes an upload's lines). A
        // BRIN index cannot serve that: pages written since the last vacuum are not summarized, so every read scanned the
        // whole unvacuumed tail, up to a fifth of the table, and a year's import slowed by half as the table grew. Upload
        // ids only grow, so this b-tree is appended at its right edge and, deduplicated, is about 7 bytes a line.
        builder.HasIndex(s => s.UploadId);
    }
}
