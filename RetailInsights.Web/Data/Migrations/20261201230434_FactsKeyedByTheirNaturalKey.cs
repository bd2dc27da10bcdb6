using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <summary>
    /// The sales and refunds are keyed by their natural key, whose unique index becomes the primary key as it is (no
    /// rebuild of a large table's index); the sales lose their surrogate id, which nothing used and whose index took a
    /// fifth of a line's insert, and the refunds keep theirs as an unindexed tie-breaker.
    /// </summary>
    public partial class FactsKeyedByTheirNaturalKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE fact_sales DROP CONSTRAINT pk_fact_sales;
                ALTER TABLE fact_sales DROP COLUMN sale_id;
                ALTER TABLE fact_sales ADD CONSTRAINT pk_fact_sales PRIMARY KEY USING INDEX ux_fact_sales_natural_key;
                ALTER TABLE refunds DROP CONSTRAINT pk_refunds;
                ALTER TABLE refunds ADD CONSTRAINT pk_refunds PRIMARY KEY USING INDEX ux_refunds_natural_key;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE refunds DROP CONSTRAINT pk_refunds;
                CREATE UNIQUE INDEX ux_refunds_natural_key
                    ON refunds (retailer_id, refund_code, product_id, refunded_at, quantity, amount, line_occurrence);
                ALTER TABLE refunds ADD CONSTRAINT pk_refunds PRIMARY KEY (refund_id);
                ALTER TABLE fact_sales DROP CONSTRAINT pk_fact_sales;
                CREATE UNIQUE INDEX ux_fact_sales_natural_key
                    ON fact_sales (retailer_id, invoice, product_id, invoiced_at, quantity, unit_price, line_occurrence);
                ALTER TABLE fact_sales ADD COLUMN sale_id bigint GENERATED ALWAYS AS IDENTITY;
                ALTER TABLE fact_sales ADD CONSTRAINT pk_fact_sales PRIMARY KEY (sale_id);
                """);
        }
    }
}
