using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SummariesKeptByEveryLoad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The summary tables every load keeps in step with the facts (see Warehouse/SummaryTables.cs). They are not in
            // the EF model: only SQL reads and writes them. Over facts already loaded, a rebuild is asked for; the app and
            // the migrate command run it after migrating.
            migrationBuilder.Sql("""
                CREATE FUNCTION ri_union_sorted(a int[], b int[]) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    AS $$ SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM (SELECT unnest(a) UNION SELECT unnest(b)) u (x) $$;

                CREATE TABLE agg_invoices (
                    retailer_id integer NOT NULL, invoice varchar(64) COLLATE "C" NOT NULL, date_key integer NOT NULL, store_id integer NOT NULL,
                    customer_id integer, invoiced_at timestamp without time zone NOT NULL,
                    lines bigint NOT NULL, gross numeric(18,3) NOT NULL, priced_lines bigint NOT NULL,
                    PRIMARY KEY (retailer_id, invoice, date_key, store_id));
                CREATE INDEX ix_agg_invoices_customer ON agg_invoices (customer_id, invoiced_at DESC) WHERE customer_id IS NOT NULL;

                CREATE TABLE agg_store_daily (
                    date_key integer NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL,
                    lines bigint NOT NULL, quantity bigint NOT NULL, gross numeric(18,3) NOT NULL, invoices bigint NOT NULL,
                    customer_ids integer[] NOT NULL,
                    PRIMARY KEY (date_key, store_id, retailer_id));

                CREATE TABLE agg_store_hourly (
                    date_key integer NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL, hour smallint NOT NULL,
                    invoices bigint NOT NULL, gross numeric(18,3) NOT NULL,
                    PRIMARY KEY (date_key, store_id, retailer_id, hour));

                CREATE TABLE agg_category_daily (
                    date_key integer NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL, category text NOT NULL,
                    lines bigint NOT NULL, gross numeric(18,3) NOT NULL, invoices bigint NOT NULL, customer_ids integer[] NOT NULL,
                    PRIMARY KEY (date_key, store_id, retailer_id, category));

                CREATE TABLE agg_sales_daily (
                    date_key integer NOT NULL, store_id integer NOT NULL, product_id integer NOT NULL, retailer_id integer NOT NULL,
                    lines bigint NOT NULL, quantity bigint NOT NULL, gross numeric(18,3) NOT NULL,
                    PRIMARY KEY (date_key, store_id, product_id, retailer_id));

                CREATE TABLE agg_refunds_daily (
                    date_key integer NOT NULL, store_id integer NOT NULL, product_id integer NOT NULL, retailer_id integer NOT NULL,
                    reason text NOT NULL, refunds bigint NOT NULL, quantity bigint NOT NULL, amount numeric(18,3) NOT NULL,
                    PRIMARY KEY (date_key, store_id, product_id, retailer_id, reason));

                CREATE TABLE summary_rebuild_requests (requested_at timestamptz NOT NULL DEFAULT now(), reason text NOT NULL);
                INSERT INTO summary_rebuild_requests (reason)
                SELECT 'summary tables introduced' WHERE EXISTS (SELECT 1 FROM fact_sales) OR EXISTS (SELECT 1 FROM refunds);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE summary_rebuild_requests, agg_refunds_daily, agg_sales_daily, agg_category_daily, agg_store_hourly,
                    agg_store_daily, agg_invoices;
                DROP FUNCTION ri_union_sorted(int[], int[]);
                """);
        }
    }
}
