using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads");

            migrationBuilder.AddCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads",
                sql: "kind IN ('transactions', 'refunds', 'product_catalog', 'store_locations', 'events', 'unknown')");

            // Live point-of-sale events (see Live/): their ids per source system (a retried request changes nothing; kept as
            // long as the minutes), and revenue per minute for the Live page, rolled up to hours after a week.
            migrationBuilder.Sql("""
                CREATE TABLE live_events (
                    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    retailer_id integer NOT NULL, kind char(1) NOT NULL CHECK (kind IN ('s', 'r')), event_id varchar(64) COLLATE "C" NOT NULL,
                    received_at timestamptz NOT NULL DEFAULT now(), occurred_at timestamp without time zone NOT NULL,
                    invoice varchar(64) COLLATE "C", product_id integer NOT NULL, store_id integer NOT NULL, customer_id integer,
                    amount numeric(18,3) NOT NULL, reason text, is_late boolean NOT NULL,
                    UNIQUE (retailer_id, kind, event_id));
                CREATE INDEX ix_live_events_received_at ON live_events (received_at);
                CREATE INDEX ix_live_events_refunds ON live_events (seq) WHERE kind = 'r';

                CREATE TABLE live_minutes (
                    minute timestamp without time zone NOT NULL, store_id integer NOT NULL, product_id integer NOT NULL, retailer_id integer NOT NULL,
                    revenue numeric(18,3) NOT NULL, lines bigint NOT NULL, refunds numeric(18,3) NOT NULL,
                    PRIMARY KEY (minute, store_id, product_id, retailer_id));
                CREATE TABLE live_store_minutes (
                    minute timestamp without time zone NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL,
                    revenue numeric(18,3) NOT NULL, transactions bigint NOT NULL, refunds numeric(18,3) NOT NULL,
                    PRIMARY KEY (minute, store_id, retailer_id));
                CREATE TABLE live_hours (
                    hour timestamp without time zone NOT NULL, store_id integer NOT NULL, product_id integer NOT NULL, retailer_id integer NOT NULL,
                    revenue numeric(18,3) NOT NULL, lines bigint NOT NULL, refunds numeric(18,3) NOT NULL,
                    PRIMARY KEY (hour, store_id, product_id, retailer_id));
                CREATE TABLE live_store_hours (
                    hour timestamp without time zone NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL,
                    revenue numeric(18,3) NOT NULL, transactions bigint NOT NULL, refunds numeric(18,3) NOT NULL,
                    PRIMARY KEY (hour, store_id, retailer_id));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE live_store_hours, live_hours, live_store_minutes, live_minutes, live_events");

            migrationBuilder.DropCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads");

            migrationBuilder.AddCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads",
                sql: "kind IN ('transactions', 'refunds', 'product_catalog', 'store_locations', 'unknown')");
        }
    }
}
