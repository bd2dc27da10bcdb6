using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LineOccurrenceInNaturalKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_refunds_natural_key",
                table: "refunds");

            migrationBuilder.DropIndex(
                name: "ux_fact_sales_natural_key",
                table: "fact_sales");

            migrationBuilder.AddColumn<short>(
                name: "line_occurrence",
                table: "refunds",
                type: "smallint",
                nullable: false,
                defaultValue: (short)1);

            migrationBuilder.AddColumn<short>(
                name: "line_occurrence",
                table: "fact_sales",
                type: "smallint",
                nullable: false,
                defaultValue: (short)1);

            migrationBuilder.CreateIndex(
                name: "ux_refunds_natural_key",
                table: "refunds",
                columns: new[] { "retailer_id", "refund_code", "product_id", "refunded_at", "quantity", "amount", "line_occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_fact_sales_natural_key",
                table: "fact_sales",
                columns: new[] { "retailer_id", "invoice", "product_id", "invoiced_at", "quantity", "unit_price", "line_occurrence" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_fact_sales_line_occurrence",
                table: "fact_sales",
                sql: "line_occurrence >= 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_refunds_natural_key",
                table: "refunds");

            migrationBuilder.DropIndex(
                name: "ux_fact_sales_natural_key",
                table: "fact_sales");

            migrationBuilder.DropCheckConstraint(
                name: "ck_fact_sales_line_occurrence",
                table: "fact_sales");

            migrationBuilder.DropColumn(
                name: "line_occurrence",
                table: "refunds");

            migrationBuilder.DropColumn(
                name: "line_occurrence",
                table: "fact_sales");

            migrationBuilder.CreateIndex(
                name: "ux_refunds_natural_key",
                table: "refunds",
                columns: new[] { "retailer_id", "refund_code", "product_id", "refunded_at", "quantity", "amount" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_fact_sales_natural_key",
                table: "fact_sales",
                columns: new[] { "retailer_id", "invoice", "product_id", "invoiced_at", "quantity", "unit_price" },
                unique: true);
        }
    }
}
