using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UploadsReplacedByCorrectedFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_uploads_status",
                table: "uploads");

            migrationBuilder.AddColumn<bool>(
                name: "replace_confirmed",
                table: "uploads",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "replaces_upload_id",
                table: "uploads",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_uploads_replaces_upload_id",
                table: "uploads",
                column: "replaces_upload_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_uploads_status",
                table: "uploads",
                sql: "status IN ('queued', 'parsing', 'loading', 'loaded', 'failed', 'refused', 'replaced')");

            migrationBuilder.AddForeignKey(
                name: "fk_uploads_uploads_replaces_upload_id",
                table: "uploads",
                column: "replaces_upload_id",
                principalTable: "uploads",
                principalColumn: "upload_id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_uploads_uploads_replaces_upload_id",
                table: "uploads");

            migrationBuilder.DropIndex(
                name: "ix_uploads_replaces_upload_id",
                table: "uploads");

            migrationBuilder.DropCheckConstraint(
                name: "ck_uploads_status",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "replace_confirmed",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "replaces_upload_id",
                table: "uploads");

            migrationBuilder.AddCheckConstraint(
                name: "ck_uploads_status",
                table: "uploads",
                sql: "status IN ('queued', 'parsing', 'loading', 'loaded', 'failed', 'refused')");
        }
    }
}
