using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunKChoicesGridMovesSample : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "plotted",
                table: "run_customers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "run_k_choices",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    k = table.Column<int>(type: "integer", nullable: false),
                    within_sum_of_squares = table.Column<double>(type: "double precision", nullable: false),
                    silhouette = table.Column<double>(type: "double precision", nullable: false),
                    elbow_score = table.Column<double>(type: "double precision", nullable: false),
                    combined_score = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_k_choices", x => new { x.run_id, x.k });
                    table.CheckConstraint("ck_run_k_choices_k", "k >= 1");
                    table.ForeignKey(
                        name: "fk_run_k_choices_analysis_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "analysis_runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_segment_cells",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    r = table.Column<short>(type: "smallint", nullable: false),
                    fm = table.Column<short>(type: "smallint", nullable: false),
                    segment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    customers = table.Column<int>(type: "integer", nullable: false),
                    monetary = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_segment_cells", x => new { x.run_id, x.r, x.fm });
                    table.CheckConstraint("ck_run_segment_cells_scores", "r BETWEEN 1 AND 5 AND fm BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_run_segment_cells_analysis_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "analysis_runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_segment_moves",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    from_segment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    to_segment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    previous_run_id = table.Column<long>(type: "bigint", nullable: false),
                    customers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_segment_moves", x => new { x.run_id, x.from_segment, x.to_segment });
                    table.ForeignKey(
                        name: "fk_run_segment_moves_analysis_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "analysis_runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_run_customers_by_segment_spend",
                table: "run_customers",
                columns: new[] { "run_id", "segment", "monetary", "customer_code" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_run_customers_by_spend",
                table: "run_customers",
                columns: new[] { "run_id", "monetary", "customer_code" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_run_customers_plotted",
                table: "run_customers",
                column: "run_id",
                filter: "plotted");

            // Runs stored before: their grid cells and moves from their customers (as RunWriter writes them for new
            // runs); their k choices and scatter sample were not kept, and the page says so until the next run.
            migrationBuilder.Sql("""
                INSERT INTO run_segment_cells (run_id, r, fm, segment, customers, monetary)
                SELECT run_id, r, (f + m + 1) / 2, min(segment), count(*), sum(monetary) FROM run_customers GROUP BY 1, 2, 3;

                WITH pairs AS (
                    SELECT run_id, lag(run_id) OVER (ORDER BY run_id) AS previous_run_id FROM analysis_runs WHERE status = 'succeeded')
                INSERT INTO run_segment_moves (run_id, previous_run_id, from_segment, to_segment, customers)
                SELECT c.run_id, pairs.previous_run_id, coalesce(p.segment, ''), c.segment, count(*)
                FROM pairs
                JOIN run_customers c ON c.run_id = pairs.run_id
                LEFT JOIN run_customers p ON p.run_id = pairs.previous_run_id AND p.customer_code = c.customer_code
                WHERE pairs.previous_run_id IS NOT NULL
                GROUP BY 1, 2, 3, 4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "run_k_choices");

            migrationBuilder.DropTable(
                name: "run_segment_cells");

            migrationBuilder.DropTable(
                name: "run_segment_moves");

            migrationBuilder.DropIndex(
                name: "ix_run_customers_by_segment_spend",
                table: "run_customers");

            migrationBuilder.DropIndex(
                name: "ix_run_customers_by_spend",
                table: "run_customers");

            migrationBuilder.DropIndex(
                name: "ix_run_customers_plotted",
                table: "run_customers");

            migrationBuilder.DropColumn(
                name: "plotted",
                table: "run_customers");
        }
    }
}
