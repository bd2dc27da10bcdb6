using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeysScoped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Scoped API keys: a key has purposes (uploads, events) and may be limited to source systems and stores
            // (NULL: no limit). Every key that exists now keeps working with today's rights — both purposes, any source,
            // any store — until an admin narrows it on the API keys page: that is what the default below gives the
            // existing rows. New keys are always written with their purposes.
            migrationBuilder.AddColumn<string[]>(
                name: "allowed_sources",
                table: "api_keys",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "allowed_stores",
                table: "api_keys",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "purposes",
                table: "api_keys",
                type: "text[]",
                nullable: false,
                defaultValue: new[] { "uploads", "events" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_api_keys_allowed_sources",
                table: "api_keys",
                sql: "allowed_sources IS NULL OR cardinality(allowed_sources) > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_api_keys_allowed_stores",
                table: "api_keys",
                sql: "allowed_stores IS NULL OR cardinality(allowed_stores) > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_api_keys_purposes",
                table: "api_keys",
                sql: "cardinality(purposes) > 0 AND purposes <@ ARRAY['uploads', 'events']::text[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_api_keys_allowed_sources",
                table: "api_keys");

            migrationBuilder.DropCheckConstraint(
                name: "ck_api_keys_allowed_stores",
                table: "api_keys");

            migrationBuilder.DropCheckConstraint(
                name: "ck_api_keys_purposes",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "allowed_sources",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "allowed_stores",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "purposes",
                table: "api_keys");
        }
    }
}
