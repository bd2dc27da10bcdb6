using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using RetailInsights.Web.Data.Schema;

#nullable disable

namespace RetailInsights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <summary>The Data/Schema files this baseline runs, in order; a later change to one is a migration of its own.</summary>
        public static readonly string[] SchemaFiles =
        [
            "ri_union_sorted", "ri_ids_binary",
            "agg_invoices", "agg_store_daily", "agg_store_hourly", "agg_category_daily", "agg_sales_daily",
            "agg_refunds_daily", "agg_refunds_category_daily", "agg_refunds_store_daily", "summary_rebuild_requests",
            "live_events", "live_minutes", "live_store_minutes", "live_hours", "live_store_hours",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.CreateTable(
                name: "analysis_runs",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    min_support = table.Column<double>(type: "double precision", nullable: false),
                    min_confidence = table.Column<double>(type: "double precision", nullable: false),
                    window_days = table.Column<int>(type: "integer", nullable: false),
                    baskets = table.Column<int>(type: "integer", nullable: false),
                    rules = table.Column<int>(type: "integer", nullable: false),
                    customers = table.Column<int>(type: "integer", nullable: false),
                    chosen_k = table.Column<int>(type: "integer", nullable: true),
                    timings = table.Column<string>(type: "jsonb", nullable: true),
                    error_text = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analysis_runs", x => x.run_id);
                    table.CheckConstraint("ck_analysis_runs_status", "status IN ('running', 'succeeded', 'failed')");
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    api_key_id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    key_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    purposes = table.Column<string[]>(type: "text[]", nullable: false, defaultValueSql: "ARRAY['uploads', 'events']"),
                    allowed_sources = table.Column<string[]>(type: "text[]", nullable: true),
                    allowed_stores = table.Column<string[]>(type: "text[]", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.api_key_id);
                    table.CheckConstraint("ck_api_keys_allowed_sources", "allowed_sources IS NULL OR cardinality(allowed_sources) > 0");
                    table.CheckConstraint("ck_api_keys_allowed_stores", "allowed_stores IS NULL OR cardinality(allowed_stores) > 0");
                    table.CheckConstraint("ck_api_keys_key_hash", "key_hash ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_api_keys_purposes", "cardinality(purposes) > 0 AND purposes <@ ARRAY['uploads', 'events']::text[]");
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    audit_entry_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.audit_entry_id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dim_customer",
                columns: table => new
                {
                    customer_id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    country = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dim_customer", x => x.customer_id);
                });

            migrationBuilder.CreateTable(
                name: "dim_date",
                columns: table => new
                {
                    date_key = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<short>(type: "smallint", nullable: false),
                    quarter = table.Column<short>(type: "smallint", nullable: false),
                    month = table.Column<short>(type: "smallint", nullable: false),
                    day = table.Column<short>(type: "smallint", nullable: false),
                    iso_day_of_week = table.Column<short>(type: "smallint", nullable: false),
                    is_weekend = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dim_date", x => x.date_key);
                    table.CheckConstraint("ck_dim_date_iso_day_of_week", "iso_day_of_week BETWEEN 1 AND 7");
                    table.CheckConstraint("ck_dim_date_month", "month BETWEEN 1 AND 12");
                });

            migrationBuilder.CreateTable(
                name: "dim_product",
                columns: table => new
                {
                    product_id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    stock_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    category = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    base_price = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: true),
                    is_non_product = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dim_product", x => x.product_id);
                    table.CheckConstraint("ck_dim_product_base_price", "base_price >= 0");
                });

            migrationBuilder.CreateTable(
                name: "dim_retailer",
                columns: table => new
                {
                    retailer_id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dim_retailer", x => x.retailer_id);
                });

            migrationBuilder.CreateTable(
                name: "dim_store",
                columns: table => new
                {
                    store_id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    store_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    city = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    region = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    size_sq_ft = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dim_store", x => x.store_id);
                    table.CheckConstraint("ck_dim_store_size_sq_ft", "size_sq_ft > 0");
                });

            migrationBuilder.CreateTable(
                name: "fact_sales",
                columns: table => new
                {
                    invoice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    retailer_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: false),
                    invoiced_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    line_occurrence = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    date_key = table.Column<int>(type: "integer", nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: true),
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    upload_id = table.Column<long>(type: "bigint", nullable: false),
                    line_amount = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    is_non_product = table.Column<bool>(type: "boolean", nullable: false),
                    is_zero_price = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fact_sales", x => new { x.retailer_id, x.invoice, x.product_id, x.invoiced_at, x.quantity, x.unit_price, x.line_occurrence });
                    table.CheckConstraint("ck_fact_sales_invoice", "length(btrim(invoice)) > 0");
                    table.CheckConstraint("ck_fact_sales_line_amount", "line_amount = quantity * unit_price");
                    table.CheckConstraint("ck_fact_sales_line_occurrence", "line_occurrence >= 1");
                    table.CheckConstraint("ck_fact_sales_quantity", "quantity > 0");
                    table.CheckConstraint("ck_fact_sales_unit_price", "unit_price >= 0");
                });

            migrationBuilder.CreateTable(
                name: "refunds",
                columns: table => new
                {
                    refund_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    retailer_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    line_occurrence = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    refunded_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    refund_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    original_invoice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: true),
                    date_key = table.Column<int>(type: "integer", nullable: false),
                    upload_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refunds", x => new { x.retailer_id, x.refund_code, x.product_id, x.refunded_at, x.quantity, x.amount, x.line_occurrence });
                    table.CheckConstraint("ck_refunds_amount", "amount >= 0");
                    table.CheckConstraint("ck_refunds_quantity", "quantity > 0");
                    table.CheckConstraint("ck_refunds_reason", "reason IN ('defective', 'wrong_item', 'not_as_described', 'changed_mind', 'damaged_shipping', 'cancelled_invoice')");
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    prefers_dark_mode = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "run_clusters",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    cluster = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false),
                    mean_recency_days = table.Column<double>(type: "double precision", nullable: false),
                    mean_frequency = table.Column<double>(type: "double precision", nullable: false),
                    mean_monetary = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    revenue_share = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_clusters", x => new { x.run_id, x.cluster });
                    table.ForeignKey(
                        name: "fk_run_clusters_analysis_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "analysis_runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_customers",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    customer_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recency_days = table.Column<int>(type: "integer", nullable: false),
                    frequency = table.Column<int>(type: "integer", nullable: false),
                    monetary = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    r = table.Column<short>(type: "smallint", nullable: false),
                    f = table.Column<short>(type: "smallint", nullable: false),
                    m = table.Column<short>(type: "smallint", nullable: false),
                    segment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    cluster = table.Column<int>(type: "integer", nullable: false),
                    plotted = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_customers", x => new { x.run_id, x.customer_code });
                    table.CheckConstraint("ck_run_customers_scores", "r BETWEEN 1 AND 5 AND f BETWEEN 1 AND 5 AND m BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_run_customers_analysis_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "analysis_runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "run_rules",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    rule_no = table.Column<int>(type: "integer", nullable: false),
                    antecedent = table.Column<string[]>(type: "text[]", nullable: false),
                    consequent = table.Column<string[]>(type: "text[]", nullable: false),
                    antecedent_names = table.Column<string>(type: "text", nullable: false),
                    consequent_names = table.Column<string>(type: "text", nullable: false),
                    support = table.Column<double>(type: "double precision", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    lift = table.Column<double>(type: "double precision", nullable: false),
                    leverage = table.Column<double>(type: "double precision", nullable: false),
                    conviction = table.Column<double>(type: "double precision", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    antecedent_count = table.Column<int>(type: "integer", nullable: false),
                    consequent_count = table.Column<int>(type: "integer", nullable: false),
                    is_redundant = table.Column<bool>(type: "boolean", nullable: true),
                    general_rule_no = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_rules", x => new { x.run_id, x.rule_no });
                    table.ForeignKey(
                        name: "fk_run_rules_analysis_runs_run_id",
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

            migrationBuilder.CreateTable(
                name: "uploads",
                columns: table => new
                {
                    upload_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    file_name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    api_key_id = table.Column<int>(type: "integer", nullable: true),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    rows_read = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    rows_accepted = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    rows_rejected = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    rows_duplicate = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    rows_flagged = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    error_text = table.Column<string>(type: "text", nullable: true),
                    staged_path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    requested_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    default_store_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    date_order = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    retailer_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "default"),
                    mapping_version = table.Column<int>(type: "integer", nullable: true),
                    requested_sheet = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    excel_sheet = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    progress_percent = table.Column<short>(type: "smallint", nullable: false, defaultValue: (short)0),
                    replaces_upload_id = table.Column<long>(type: "bigint", nullable: true),
                    replace_confirmed = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    quality_report = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_uploads", x => x.upload_id);
                    table.CheckConstraint("ck_uploads_counts", "size_bytes >= 0 AND rows_read >= 0 AND rows_accepted >= 0 AND rows_rejected >= 0 AND rows_duplicate >= 0 AND rows_flagged >= 0");
                    table.CheckConstraint("ck_uploads_kind", "kind IN ('transactions', 'refunds', 'product_catalog', 'store_locations', 'events', 'unknown')");
                    table.CheckConstraint("ck_uploads_progress_percent", "progress_percent BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_uploads_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_uploads_status", "status IN ('queued', 'parsing', 'loading', 'loaded', 'failed', 'refused', 'replaced')");
                    table.ForeignKey(
                        name: "fk_uploads_api_keys_api_key_id",
                        column: x => x.api_key_id,
                        principalTable: "api_keys",
                        principalColumn: "api_key_id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_uploads_uploads_replaces_upload_id",
                        column: x => x.replaces_upload_id,
                        principalTable: "uploads",
                        principalColumn: "upload_id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rejected_rows",
                columns: table => new
                {
                    rejected_row_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    upload_id = table.Column<long>(type: "bigint", nullable: false),
                    line_number = table.Column<long>(type: "bigint", nullable: false),
                    raw_text = table.Column<string>(type: "text", nullable: false),
                    reason_codes = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rejected_rows", x => x.rejected_row_id);
                    table.CheckConstraint("ck_rejected_rows_line_number", "line_number > 0");
                    table.CheckConstraint("ck_rejected_rows_reason_codes", "cardinality(reason_codes) > 0");
                    table.ForeignKey(
                        name: "fk_rejected_rows_uploads_upload_id",
                        column: x => x.upload_id,
                        principalTable: "uploads",
                        principalColumn: "upload_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analysis_runs_status_run_id",
                table: "analysis_runs",
                columns: new[] { "status", "run_id" });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_key_hash",
                table: "api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_dim_customer_customer_code",
                table: "dim_customer",
                column: "customer_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dim_date_date",
                table: "dim_date",
                column: "date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dim_product_stock_code",
                table: "dim_product",
                column: "stock_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dim_retailer_code",
                table: "dim_retailer",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dim_store_store_code",
                table: "dim_store",
                column: "store_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_date_key",
                table: "fact_sales",
                column: "date_key")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_invoiced_at",
                table: "fact_sales",
                column: "invoiced_at")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ix_fact_sales_upload_id",
                table: "fact_sales",
                column: "upload_id");

            migrationBuilder.CreateIndex(
                name: "ix_refunds_customer_id",
                table: "refunds",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_refunds_day_largest_first",
                table: "refunds",
                columns: new[] { "date_key", "amount", "refunded_at", "refund_id" },
                descending: new[] { false, true, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_refunds_upload_id",
                table: "refunds",
                column: "upload_id");

            migrationBuilder.CreateIndex(
                name: "ix_rejected_rows_upload_id_line_number",
                table: "rejected_rows",
                columns: new[] { "upload_id", "line_number" });

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ux_roles_normalized_name",
                table: "roles",
                column: "normalized_name",
                unique: true);

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
                name: "ix_run_customers_customer_code_run_id",
                table: "run_customers",
                columns: new[] { "customer_code", "run_id" });

            migrationBuilder.CreateIndex(
                name: "ix_run_customers_plotted",
                table: "run_customers",
                column: "run_id",
                filter: "plotted");

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

            migrationBuilder.CreateIndex(
                name: "ix_source_mappings_retailer_id_version",
                table: "source_mappings",
                columns: new[] { "retailer_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_uploads_api_key_id",
                table: "uploads",
                column: "api_key_id");

            migrationBuilder.CreateIndex(
                name: "ix_uploads_replaces_upload_id",
                table: "uploads",
                column: "replaces_upload_id");

            migrationBuilder.CreateIndex(
                name: "ix_uploads_sha256_status",
                table: "uploads",
                columns: new[] { "sha256", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_uploads_uploaded_at",
                table: "uploads",
                column: "uploaded_at");

            migrationBuilder.CreateIndex(
                name: "ux_uploads_sha256_held",
                table: "uploads",
                columns: new[] { "sha256", "requested_sheet" },
                unique: true,
                filter: "status IN ('queued', 'parsing', 'loading', 'loaded')")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_normalized_email",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ux_users_normalized_user_name",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            // What EF Core does not model, one file per object under Data/Schema/: functions before the tables that use them.
            migrationBuilder.SqlFiles(SchemaFiles);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(string.Join("\n", Enumerable.Reverse(SchemaFiles).Select(name => name.StartsWith("ri_", StringComparison.Ordinal)
                ? $"DROP FUNCTION {name};" : $"DROP TABLE {name};")));

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "dim_customer");

            migrationBuilder.DropTable(
                name: "dim_date");

            migrationBuilder.DropTable(
                name: "dim_product");

            migrationBuilder.DropTable(
                name: "dim_store");

            migrationBuilder.DropTable(
                name: "fact_sales");

            migrationBuilder.DropTable(
                name: "refunds");

            migrationBuilder.DropTable(
                name: "rejected_rows");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "run_clusters");

            migrationBuilder.DropTable(
                name: "run_customers");

            migrationBuilder.DropTable(
                name: "run_k_choices");

            migrationBuilder.DropTable(
                name: "run_rule_products");

            migrationBuilder.DropTable(
                name: "run_rules");

            migrationBuilder.DropTable(
                name: "run_segment_cells");

            migrationBuilder.DropTable(
                name: "run_segment_moves");

            migrationBuilder.DropTable(
                name: "source_endpoints");

            migrationBuilder.DropTable(
                name: "source_mappings");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "uploads");

            migrationBuilder.DropTable(
                name: "analysis_runs");

            migrationBuilder.DropTable(
                name: "dim_retailer");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "api_keys");
        }
    }
}
