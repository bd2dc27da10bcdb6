using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveEventsFoundLatestPerSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The data-quality page's freshness asks each source system when its latest live event arrived: one probe of
            // this index per source, where the index by time alone would be read back past every other source's events.
            migrationBuilder.Sql("CREATE INDEX ix_live_events_source_received ON live_events (retailer_id, received_at)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_live_events_source_received");
        }
    }
}
