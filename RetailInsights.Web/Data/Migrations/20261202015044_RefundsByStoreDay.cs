using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RefundsByStoreDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Refunds by day and store: the refund totals of a view that names no category or product (the Stores page,
            // the Overview's KPIs, the Refunds page's days and stores) read one row per store-day instead of
            // categories × reasons of them. Filled by the rebuild the request below asks for.
            migrationBuilder.Sql("""
                CREATE TABLE agg_refunds_store_daily (
                    date_key integer NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL,
                    refunds bigint NOT NULL, quantity bigint NOT NULL, amount numeric(18,3) NOT NULL,
                    PRIMARY KEY (date_key, store_id, retailer_id));
                INSERT INTO summary_rebuild_requests (reason)
                SELECT 'refunds by store and day introduced' WHERE EXISTS (SELECT 1 FROM refunds);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE agg_refunds_store_daily");
        }
    }
}
