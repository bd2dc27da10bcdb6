using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UploadPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads");

            migrationBuilder.AddColumn<string>(
                name: "date_order",
                table: "uploads",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "default_store_code",
                table: "uploads",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<short>(
                name: "progress_percent",
                table: "uploads",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<string>(
                name: "quality_report",
                table: "uploads",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "requested_kind",
                table: "uploads",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retailer_code",
                table: "uploads",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "staged_path",
                table: "uploads",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_uploads_sha256_status",
                table: "uploads",
                columns: new[] { "sha256", "status" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads",
                sql: "kind IN ('transactions', 'refunds', 'product_catalog', 'store_locations', 'unknown')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_uploads_progress_percent",
                table: "uploads",
                sql: "progress_percent BETWEEN 0 AND 100");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_uploads_sha256_status",
                table: "uploads");

            migrationBuilder.DropCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads");

            migrationBuilder.DropCheckConstraint(
                name: "ck_uploads_progress_percent",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "date_order",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "default_store_code",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "progress_percent",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "quality_report",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "requested_kind",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "retailer_code",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "staged_path",
                table: "uploads");

            migrationBuilder.AddCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads",
                sql: "kind IN ('transactions', 'refunds', 'product_catalog', 'store_locations')");
        }
    }
}
