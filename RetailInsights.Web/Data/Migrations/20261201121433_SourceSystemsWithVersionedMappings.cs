using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourceSystemsWithVersionedMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "mapping_version",
                table: "uploads",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "source_mappings",
                columns: table => new
                {
                    source_mapping_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    retailer_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    columns = table.Column<string>(type: "jsonb", nullable: false),
                    date_order = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    decimal_separator = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    default_store_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    kinds = table.Column<List<string>>(type: "text[]", nullable: false),
                    saved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    saved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_source_mappings", x => x.source_mapping_id);
                    table.CheckConstraint("ck_source_mappings_date_order", "date_order IN ('month-first', 'day-first')");
                    table.CheckConstraint("ck_source_mappings_decimal_separator", "decimal_separator IN ('.', ',')");
                    table.CheckConstraint("ck_source_mappings_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_source_mappings_dim_retailer_retailer_id",
                        column: x => x.retailer_id,
                        principalTable: "dim_retailer",
                        principalColumn: "retailer_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_source_mappings_retailer_id_version",
                table: "source_mappings",
                columns: new[] { "retailer_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "source_mappings");

            migrationBuilder.DropColumn(
                name: "mapping_version",
                table: "uploads");
        }
    }
}
