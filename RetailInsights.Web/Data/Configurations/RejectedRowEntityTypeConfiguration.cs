using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

internal sealed class RejectedRowEntityTypeConfiguration : IEntityTypeConfiguration<RejectedRow>
{
    public void Configure(EntityTypeBuilder<RejectedRow> builder)
    {
        builder.ToTable("rejected_rows", t =>
        {
            t.HasCheckConstraint("ck_rejected_rows_line_number", "line_number > 0");
            t.HasCheckConstraint("ck_rejected_rows_reason_codes", "cardinality(reason_codes) > 0");
        });
        builder.HasKey(r => r.RejectedRowId);
        builder.Property(r => r.RejectedRowId).UseIdentityAlwaysColumn();
        builder.HasIndex(r => new { r.UploadId, r.LineNumber });
    }
}
