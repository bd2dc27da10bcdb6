using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class ApiKeyEntityTypeConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys", t =>
        {
            t.HasCheckConstraint("ck_api_keys_key_hash", "key_hash ~ '^[0-9a-f]{64}$'");
            // A key is for something, and a limit lists at least one code (no limit is NULL, not an empty list).
            t.HasCheckConstraint("ck_api_keys_purposes", "cardinality(purposes) > 0 AND purposes <@ ARRAY['uploads', 'events']::text[]");
            t.HasCheckConstraint("ck_api_keys_allowed_sources", "allowed_sources IS NULL OR cardinality(allowed_sources) > 0");
            t.HasCheckConstraint("ck_api_keys_allowed_stores", "allowed_stores IS NULL OR cardinality(allowed_stores) > 0");
        });
        builder.HasKey(k => k.ApiKeyId);
        builder.Property(k => k.Name).HasMaxLength(128);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.KeyHash).HasMaxLength(64).IsFixedLength();
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        // A row written without purposes, as keys were before scopes, may do both.
        builder.Property(k => k.Purposes).HasDefaultValueSql("ARRAY['uploads', 'events']");
    }
}
