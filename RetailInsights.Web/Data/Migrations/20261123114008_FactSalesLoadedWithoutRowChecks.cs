using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FactSalesLoadedWithoutRowChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_fact_sales_dim_customer_customer_id",
                table: "fact_sales");

            migrationBuilder.DropForeignKey(
                name: "fk_fact_sales_dim_date_date_key",
                table: "fact_sales");

            migrationBuilder.DropForeignKey(
                name: "fk_fact_sales_dim_product_product_id",
                table: "fact_sales");

            migrationBuilder.DropForeignKey(
                name: "fk_fact_sales_dim_retailer_retailer_id",
                table: "fact_sales");

            migrationBuilder.DropForeignKey(
                name: "fk_fact_sales_dim_store_store_id",
                table: "fact_sales");

            migrationBuilder.DropForeignKey(
                name: "fk_fact_sales_uploads_upload_id",
                table: "fact_sales");

            migrationBuilder.DropIndex(
                name: "ix_fact_sales_customer_id_invoiced_at",
                table: "fact_sales");

            migrationBuilder.DropIndex(
                name: "ix_fact_sales_date_key",
                table: "fact_sales");

            migrationBuilder.DropIndex(
                name: "ix_fact_sales_invoiced_at",
                table: "fact_sales");

            migrationBuilder.DropIndex(
                name: "ix_fact_sales_product_id_date_key",
                table: "fact_sales");

            migrationBuilder.DropIndex(
                name: "ix_fact_sales_store_id_date_key",
                table: "fact_sales");

            migrationBuilder.DropIndex(
                name: "ix_fact_sales_upload_id",
                table: "fact_sales");

            migrationBuilder.AlterColumn<string>(
                name: "refund_code",
                table: "refunds",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "original_invoice",
                table: "refunds",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "invoice",
                table: "fact_sales",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_date_key",
                table: "fact_sales",
                column: "date_key")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_invoiced_at",
                table: "fact_sales",
                column: "invoiced_at")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_upload_id",
                table: "fact_sales",
                column: "upload_id")
                .Annotation("Npgsql:IndexMethod", "brin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_fact_sales_date_key",
                table: "fact_sales");

            migrationBuilder.DropIndex(
                name: "ix_fact_sales_invoiced_at",
                table: "fact_sales");

            migrationBuilder.DropIndex(
                name: "ix_fact_sales_upload_id",
                table: "fact_sales");

            migrationBuilder.AlterColumn<string>(
                name: "refund_code",
                table: "refunds",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "original_invoice",
                table: "refunds",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "invoice",
                table: "fact_sales",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_customer_id_invoiced_at",
                table: "fact_sales",
                columns: new[] { "customer_id", "invoiced_at" },
                filter: "customer_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_date_key",
                table: "fact_sales",
                column: "date_key");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_invoiced_at",
                table: "fact_sales",
                column: "invoiced_at");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_product_id_date_key",
                table: "fact_sales",
                columns: new[] { "product_id", "date_key" });

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_store_id_date_key",
                table: "fact_sales",
                columns: new[] { "store_id", "date_key" });

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_upload_id",
                table: "fact_sales",
                column: "upload_id");

            migrationBuilder.AddForeignKey(
                name: "fk_fact_sales_dim_customer_customer_id",
                table: "fact_sales",
                column: "customer_id",
                principalTable: "dim_customer",
                principalColumn: "customer_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fact_sales_dim_date_date_key",
                table: "fact_sales",
                column: "date_key",
                principalTable: "dim_date",
                principalColumn: "date_key",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fact_sales_dim_product_product_id",
                table: "fact_sales",
                column: "product_id",
                principalTable: "dim_product",
                principalColumn: "product_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fact_sales_dim_retailer_retailer_id",
                table: "fact_sales",
                column: "retailer_id",
                principalTable: "dim_retailer",
                principalColumn: "retailer_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fact_sales_dim_store_store_id",
                table: "fact_sales",
                column: "store_id",
                principalTable: "dim_store",
                principalColumn: "store_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fact_sales_uploads_upload_id",
                table: "fact_sales",
                column: "upload_id",
                principalTable: "uploads",
                principalColumn: "upload_id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
