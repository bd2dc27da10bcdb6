using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RuleRedundancyAndProductIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.AddColumn<int>(
                name: "general_rule_no",
                table: "run_rules",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_redundant",
                table: "run_rules",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "run_rule_products",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    stock_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    antecedent_rules = table.Column<int>(type: "integer", nullable: false),
                    consequent_rules = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_rule_products", x => new { x.run_id, x.stock_code });
                    table.ForeignKey(
                        name: "fk_run_rule_products_analysis_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "analysis_runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The latest run's products, for the page that reads it until the next run stores its own (names as the
            // catalog has them now: earlier runs kept only the joined names of each rule).
            migrationBuilder.Sql("""
                INSERT INTO run_rule_products (run_id, stock_code, name, antecedent_rules, consequent_rules)
                SELECT x.run_id, x.code, coalesce(min(p.description), x.code), sum(x.on_left), sum(1 - x.on_left)
                FROM (SELECT r.run_id, unnest(r.antecedent) AS code, 1 AS on_left FROM run_rules r
                      WHERE r.run_id = (SELECT max(run_id) FROM analysis_runs WHERE status = 'succeeded')
                      UNION ALL
                      SELECT r.run_id, unnest(r.consequent), 0 FROM run_rules r
                      WHERE r.run_id = (SELECT max(run_id) FROM analysis_runs WHERE status = 'succeeded')) x
                LEFT JOIN dim_product p ON p.stock_code = x.code
                GROUP BY x.run_id, x.code
                """);

            migrationBuilder.CreateIndex(
                name: "ix_run_rules_run_id_antecedent",
                table: "run_rules",
                columns: new[] { "run_id", "antecedent" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_run_rules_run_id_consequent",
                table: "run_rules",
                columns: new[] { "run_id", "consequent" })
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "run_rule_products");

            migrationBuilder.DropIndex(
                name: "ix_run_rules_run_id_antecedent",
                table: "run_rules");

            migrationBuilder.DropIndex(
                name: "ix_run_rules_run_id_consequent",
                table: "run_rules");

            migrationBuilder.DropColumn(
                name: "general_rule_no",
                table: "run_rules");

            migrationBuilder.DropColumn(
                name: "is_redundant",
                table: "run_rules");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,");
        }
    }
}
