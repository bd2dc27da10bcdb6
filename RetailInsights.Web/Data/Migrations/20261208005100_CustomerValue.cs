using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerValue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "run_customer_values",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    customer_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    repeat_occasions = table.Column<int>(type: "integer", nullable: false),
                    recency_weeks = table.Column<double>(type: "double precision", nullable: false),
                    age_weeks = table.Column<double>(type: "double precision", nullable: false),
                    probability_alive = table.Column<double>(type: "double precision", nullable: false),
                    expected_30_days = table.Column<double>(type: "double precision", nullable: false),
                    expected_90_days = table.Column<double>(type: "double precision", nullable: false),
                    expected_365_days = table.Column<double>(type: "double precision", nullable: false),
                    churn_risk = table.Column<double>(type: "double precision", nullable: false),
                    churn_band = table.Column<short>(type: "smallint", nullable: false),
                    expected_spend = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    predicted_value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    next_occasion = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_customer_values", x => new { x.run_id, x.customer_code });
                    table.CheckConstraint("ck_run_customer_values_band", "churn_band BETWEEN 0 AND 2");
                    table.ForeignKey(
                        name: "fk_run_customer_values_analysis_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "analysis_runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_value_models",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    customers = table.Column<int>(type: "integer", nullable: false),
                    repeat_customers = table.Column<int>(type: "integer", nullable: false),
                    history_weeks = table.Column<double>(type: "double precision", nullable: false),
                    monthly_discount_rate = table.Column<double>(type: "double precision", nullable: false),
                    horizon_months = table.Column<int>(type: "integer", nullable: false),
                    r = table.Column<double>(type: "double precision", nullable: true),
                    alpha = table.Column<double>(type: "double precision", nullable: true),
                    a = table.Column<double>(type: "double precision", nullable: true),
                    b = table.Column<double>(type: "double precision", nullable: true),
                    purchases_log_likelihood = table.Column<double>(type: "double precision", nullable: true),
                    p = table.Column<double>(type: "double precision", nullable: true),
                    q = table.Column<double>(type: "double precision", nullable: true),
                    gamma = table.Column<double>(type: "double precision", nullable: true),
                    spend_log_likelihood = table.Column<double>(type: "double precision", nullable: true),
                    diagnostics = table.Column<string>(type: "jsonb", nullable: true),
                    backtest = table.Column<string>(type: "jsonb", nullable: true),
                    backtest_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_value_models", x => x.run_id);
                    table.CheckConstraint("ck_run_value_models_status", "status IN ('fitted', 'insufficient', 'failed')");
                    table.ForeignKey(
                        name: "fk_run_value_models_analysis_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "analysis_runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_run_customer_values_run_id_predicted_value",
                table: "run_customer_values",
                columns: new[] { "run_id", "predicted_value" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "run_customer_values");

            migrationBuilder.DropTable(
                name: "run_value_models");
        }
    }
}
