using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class SourceMappingEntityTypeConfiguration : IEntityTypeConfiguration<SourceMapping>
{
    public void Configure(EntityTypeBuilder<SourceMapping> builder)
    {
        builder.ToTable("source_mappings", t =>
        {
            t.HasCheckConstraint("ck_source_mappings_version", "version >= 1");
            t.HasCheckConstraint("ck_source_mappings_date_order", "date_order IN ('month-first', 'day-first')");
            t.HasCheckConstraint("ck_source_mappings_decimal_separator", "decimal_separator IN ('.', ',')");
        });
        builder.HasKey(m => m.SourceMappingId);
        builder.Property(m => m.SourceMappingId).UseIdentityAlwaysColumn();
        // A plain JSON object in a jsonb column, converted here: the data source is not set up for dynamic JSON mapping.
        builder.Property(m => m.Columns).HasColumnType("jsonb").HasConversion(
            columns => JsonSerializer.Serialize(columns, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
                columns => columns.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                columns => new Dictionary<string, string>(columns)));
        builder.Property(m => m.DateOrder).HasMaxLength(16);
        builder.Property(m => m.DecimalSeparator).HasMaxLength(1);
        builder.Property(m => m.TimeZone).HasMaxLength(64);
        builder.Property(m => m.DefaultStoreCode).HasMaxLength(64);
        builder.Property(m => m.SavedBy).HasMaxLength(256);
        builder.HasIndex(m => new { m.RetailerId, m.Version }).IsUnique();
        builder.HasOne<DimRetailer>().WithMany().HasForeignKey(m => m.RetailerId).OnDelete(DeleteBehavior.Restrict);
    }
}
