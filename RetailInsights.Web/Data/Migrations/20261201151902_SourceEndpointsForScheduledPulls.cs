using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourceEndpointsForScheduledPulls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "source_endpoints",
                columns: table => new
                {
                    retailer_id = table.Column<int>(type: "integer", nullable: false),
                    base_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    paging = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    page_size = table.Column<int>(type: "integer", nullable: false),
                    since_parameter = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    records_path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    cursor_field = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    schedule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    auth = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    auth_header = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    auth_user = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    protected_secret = table.Column<string>(type: "text", nullable: true),
                    cursor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    last_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_success_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    failing_since = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_records = table.Column<int>(type: "integer", nullable: false),
                    last_upload_id = table.Column<long>(type: "bigint", nullable: true),
                    saved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    saved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_source_endpoints", x => x.retailer_id);
                    table.CheckConstraint("ck_source_endpoints_auth", "auth IN ('none', 'api-key', 'bearer', 'basic')");
                    table.CheckConstraint("ck_source_endpoints_page_size", "page_size BETWEEN 1 AND 1000");
                    table.CheckConstraint("ck_source_endpoints_paging", "paging IN ('pages', 'next-link')");
                    table.ForeignKey(
                        name: "fk_source_endpoints_dim_retailer_retailer_id",
                        column: x => x.retailer_id,
                        principalTable: "dim_retailer",
                        principalColumn: "retailer_id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "source_endpoints");
        }
    }
}
