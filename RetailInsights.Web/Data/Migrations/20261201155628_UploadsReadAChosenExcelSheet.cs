using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UploadsReadAChosenExcelSheet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_uploads_sha256_held",
                table: "uploads");

            migrationBuilder.AddColumn<string>(
                name: "excel_sheet",
                table: "uploads",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "requested_sheet",
                table: "uploads",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_uploads_sha256_held",
                table: "uploads",
                columns: new[] { "sha256", "requested_sheet" },
                unique: true,
                filter: "status IN ('queued', 'parsing', 'loading', 'loaded')")
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_uploads_sha256_held",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "excel_sheet",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "requested_sheet",
                table: "uploads");

            migrationBuilder.CreateIndex(
                name: "ux_uploads_sha256_held",
                table: "uploads",
                column: "sha256",
                unique: true,
                filter: "status IN ('queued', 'parsing', 'loading', 'loaded')");
        }
    }
}
