using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerSetsKeptInTheirWireForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The customer sets as the binary protocol carries them (see CustomerIdSet): sending an int[] makes the
            // server write each id out one by one, about 50 ns an id on every read; stored ready, they are copied out.
            // Uncompressed, since compressing them saves little and costs every read. The function only wraps
            // array_send, which PostgreSQL marks stable because some element types' output depends on settings; an
            // integer's never does. The updates rewrite the rows already there, which were stored compressed when the
            // column was added.
            migrationBuilder.Sql("""
                CREATE FUNCTION ri_ids_binary(ids int[]) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT array_send(ids)';
                ALTER TABLE agg_store_daily ADD COLUMN customer_ids_binary bytea GENERATED ALWAYS AS (ri_ids_binary(customer_ids)) STORED;
                ALTER TABLE agg_store_daily ALTER COLUMN customer_ids_binary SET STORAGE EXTERNAL;
                UPDATE agg_store_daily SET customer_ids = customer_ids || '{}'::int[];
                ALTER TABLE agg_category_daily ADD COLUMN customer_ids_binary bytea GENERATED ALWAYS AS (ri_ids_binary(customer_ids)) STORED;
                ALTER TABLE agg_category_daily ALTER COLUMN customer_ids_binary SET STORAGE EXTERNAL;
                UPDATE agg_category_daily SET customer_ids = customer_ids || '{}'::int[];
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE agg_category_daily DROP COLUMN customer_ids_binary;
                ALTER TABLE agg_store_daily DROP COLUMN customer_ids_binary;
                DROP FUNCTION ri_ids_binary(int[]);
                """);
        }
    }
}
