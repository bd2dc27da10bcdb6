using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UploadsHoldTheirContentOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_uploads_loaded_sha256",
                table: "uploads");

            // Intakes of one file at the same moment could both be taken in before: of the uploads that hold the same
            // content, the loaded one (or else the oldest) keeps it and the others are set aside, so the index can be built.
            migrationBuilder.Sql("""
                UPDATE uploads u
                SET status = 'failed', progress_percent = 100, finished_at = now(),
                    error_text = 'Taken in again while upload #' || coalesce(h.loaded_id, h.first_id) || ' held the same file; set aside.'
                FROM (SELECT sha256, min(upload_id) FILTER (WHERE status = 'loaded') AS loaded_id, min(upload_id) AS first_id
                      FROM uploads WHERE status IN ('queued', 'parsing', 'loading', 'loaded')
                      GROUP BY sha256 HAVING count(*) > 1) h
                WHERE u.sha256 = h.sha256 AND u.status IN ('queued', 'parsing', 'loading')
                  AND u.upload_id <> coalesce(h.loaded_id, h.first_id)
                """);

            migrationBuilder.AddColumn<int>(
                name: "api_key_id",
                table: "uploads",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "line_occurrence",
                table: "refunds",
                type: "integer",
                nullable: false,
                defaultValue: 1,
                oldClrType: typeof(short),
                oldType: "smallint",
                oldDefaultValue: (short)1);

            migrationBuilder.AlterColumn<int>(
                name: "line_occurrence",
                table: "fact_sales",
                type: "integer",
                nullable: false,
                defaultValue: 1,
                oldClrType: typeof(short),
                oldType: "smallint",
                oldDefaultValue: (short)1);

            migrationBuilder.CreateIndex(
                name: "ix_uploads_api_key_id",
                table: "uploads",
                column: "api_key_id");

            migrationBuilder.CreateIndex(
                name: "ux_uploads_sha256_held",
                table: "uploads",
                column: "sha256",
                unique: true,
                filter: "status IN ('queued', 'parsing', 'loading', 'loaded')");

            migrationBuilder.AddForeignKey(
                name: "fk_uploads_api_keys_api_key_id",
                table: "uploads",
                column: "api_key_id",
                principalTable: "api_keys",
                principalColumn: "api_key_id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_uploads_api_keys_api_key_id",
                table: "uploads");

            migrationBuilder.DropIndex(
                name: "ix_uploads_api_key_id",
                table: "uploads");

            migrationBuilder.DropIndex(
                name: "ux_uploads_sha256_held",
                table: "uploads");

            migrationBuilder.DropColumn(
                name: "api_key_id",
                table: "uploads");

            migrationBuilder.AlterColumn<short>(
                name: "line_occurrence",
                table: "refunds",
                type: "smallint",
                nullable: false,
                defaultValue: (short)1,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 1);

            migrationBuilder.AlterColumn<short>(
                name: "line_occurrence",
                table: "fact_sales",
                type: "smallint",
                nullable: false,
                defaultValue: (short)1,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "ux_uploads_loaded_sha256",
                table: "uploads",
                column: "sha256",
                unique: true,
                filter: "status = 'loaded'");
        }
    }
}
