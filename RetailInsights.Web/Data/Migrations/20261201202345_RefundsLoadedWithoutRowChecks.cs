using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RefundsLoadedWithoutRowChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_refunds_dim_customer_customer_id",
                table: "refunds");

            migrationBuilder.DropForeignKey(
                name: "fk_refunds_dim_date_date_key",
                table: "refunds");

            migrationBuilder.DropForeignKey(
                name: "fk_refunds_dim_product_product_id",
                table: "refunds");

            migrationBuilder.DropForeignKey(
                name: "fk_refunds_dim_retailer_retailer_id",
                table: "refunds");

            migrationBuilder.DropForeignKey(
                name: "fk_refunds_dim_store_store_id",
                table: "refunds");

            migrationBuilder.DropForeignKey(
                name: "fk_refunds_uploads_upload_id",
                table: "refunds");

            migrationBuilder.DropIndex(
                name: "ix_refunds_original_invoice",
                table: "refunds");

            migrationBuilder.DropIndex(
                name: "ix_refunds_product_id_date_key",
                table: "refunds");

            migrationBuilder.DropIndex(
                name: "ix_refunds_store_id_date_key",
                table: "refunds");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_refunds_original_invoice",
                table: "refunds",
                column: "original_invoice");

            migrationBuilder.CreateIndex(
                name: "ix_refunds_product_id_date_key",
                table: "refunds",
                columns: new[] { "product_id", "date_key" });

            migrationBuilder.CreateIndex(
                name: "ix_refunds_store_id_date_key",
                table: "refunds",
                columns: new[] { "store_id", "date_key" });

            migrationBuilder.AddForeignKey(
                name: "fk_refunds_dim_customer_customer_id",
                table: "refunds",
                column: "customer_id",
                principalTable: "dim_customer",
                principalColumn: "customer_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_refunds_dim_date_date_key",
                table: "refunds",
                column: "date_key",
                principalTable: "dim_date",
                principalColumn: "date_key",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_refunds_dim_product_product_id",
                table: "refunds",
                column: "product_id",
                principalTable: "dim_product",
                principalColumn: "product_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_refunds_dim_retailer_retailer_id",
                table: "refunds",
                column: "retailer_id",
                principalTable: "dim_retailer",
                principalColumn: "retailer_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_refunds_dim_store_store_id",
                table: "refunds",
                column: "store_id",
                principalTable: "dim_store",
                principalColumn: "store_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_refunds_uploads_upload_id",
                table: "refunds",
                column: "upload_id",
                principalTable: "uploads",
                principalColumn: "upload_id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
