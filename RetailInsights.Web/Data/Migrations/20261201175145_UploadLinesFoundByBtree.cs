using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UploadLinesFoundByBtree : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_fact_sales_upload_id",
                table: "fact_sales");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_upload_id",
                table: "fact_sales",
                column: "upload_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_fact_sales_upload_id",
                table: "fact_sales");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_upload_id",
                table: "fact_sales",
                column: "upload_id")
                .Annotation("Npgsql:IndexMethod", "brin");
        }
    }
}
