using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class UploadEntityTypeConfiguration : IEntityTypeConfiguration<Upload>
{
    /// <summary>Excel allows 31 characters; other tools write longer names.</summary>
    public const int MaxSheetLength = 128;

    public void Configure(EntityTypeBuilder<Upload> builder)
    {
        builder.ToTable("uploads", t =>
        {
            t.HasCheckConstraint("ck_uploads_status", $"status IN ({Quoted(UploadStatuses.All)})");
            t.HasCheckConstraint("ck_uploads_kind", $"kind IN ({Quoted(UploadKinds.All)})");
            t.HasCheckConstraint("ck_uploads_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
            t.HasCheckConstraint("ck_uploads_progress_percent", "progress_percent BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_uploads_counts",
                "size_bytes >= 0 AND rows_read >= 0 AND rows_accepted >= 0 AND rows_rejected >= 0 " +
                "AND rows_duplicate >= 0 AND rows_flagged >= 0");
        });
        builder.HasKey(u => u.UploadId);
        builder.Property(u => u.UploadId).UseIdentityAlwaysColumn();
        builder.Property(u => u.FileName).HasMaxLength(512);
        builder.Property(u => u.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(u => u.Kind).HasMaxLength(32);
        builder.Property(u => u.Status).HasMaxLength(16);
        builder.Property(u => u.UploadedBy).HasMaxLength(256);
        builder.Property(u => u.RowsRead).HasDefaultValue(0L);
        builder.Property(u => u.RowsAccepted).HasDefaultValue(0L);
        builder.Property(u => u.RowsRejected).HasDefaultValue(0L);
        builder.Property(u => u.RowsDuplicate).HasDefaultValue(0L);
        builder.Property(u => u.RowsFlagged).HasDefaultValue(0L);
        builder.Property(u => u.StagedPath).HasMaxLength(1024);
        builder.Property(u => u.RequestedKind).HasMaxLength(32);
        builder.Property(u => u.DefaultStoreCode).HasMaxLength(64);
        builder.Property(u => u.DateOrder).HasMaxLength(16);
        builder.Property(u => u.RetailerCode).HasMaxLength(64).HasDefaultValue("default");
        builder.Property(u => u.QualityReport).HasColumnType("jsonb");
        builder.Property(u => u.ProgressPercent).HasDefaultValue((short)0);

        builder.Property(u => u.RequestedSheet).HasMaxLength(MaxSheetLength);
        builder.Property(u => u.ExcelSheet).HasMaxLength(MaxSheetLength);

        // A file's content is taken in once: while one upload of it is queued, being loaded or loaded, another intake of
        // the same bytes is refused by this index (not by a check before the insert, which two intakes at once both pass).
        // Failed or refused attempts may be repeated. Each sheet of a workbook is content of its own (no choice is one
        // more), so a workbook's second sheet loads after its first.
        builder.HasIndex(u => new { u.Sha256, u.RequestedSheet }).IsUnique().AreNullsDistinct(false)
            .HasFilter(UploadStatuses.HoldingContentSql).HasDatabaseName("ux_uploads_sha256_held");
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(u => u.ApiKeyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => u.UploadedAt);
        builder.HasIndex(u => new { u.Sha256, u.Status });

        builder.HasOne<Upload>().WithMany().HasForeignKey(u => u.ReplacesUploadId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.ReplaceConfirmed).HasDefaultValue(false);

        builder.HasMany(u => u.RejectedRows).WithOne().HasForeignKey(r => r.UploadId).OnDelete(DeleteBehavior.Cascade);
    }

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
