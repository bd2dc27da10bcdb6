using RetailInsights.Core.Ingestion;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// The set-based SQL that moves a staged file into the star schema. Parameters: @upload, @retailer. The staging
/// table <c>stage</c> holds accepted rows (reason_codes NULL) and rejected lines (reason_codes set).
/// </summary>
internal static class LoadSql
{
    private const string RejectColumns = "raw_text text, reason_codes text[]";

    public static string CreateStage(UploadKind kind) => kind switch
    {
        UploadKind.Transactions => $"""
            CREATE TEMP TABLE stage (line_number bigint, invoice text, stock_code text, description text, quantity integer,
                invoiced_at timestamp, unit_price numeric, customer_code text, country text, store_code text,
                is_return boolean, is_non_product boolean, {RejectColumns}) ON COMMIT DROP
            """,
        UploadKind.Refunds => $"""
            CREATE TEMP TABLE stage (line_number bigint, refund_code text, invoice text, stock_code text, quantity integer,
                amount numeric, reason text, refunded_at timestamp, store_code text, customer_code text, {RejectColumns}) ON COMMIT DROP
            """,
        UploadKind.ProductCatalog => $"""
            CREATE TEMP TABLE stage (line_number bigint, stock_code text, description text, category text, base_price numeric,
                is_non_product boolean, {RejectColumns}) ON COMMIT DROP
            """,
        _ => $"""
            CREATE TEMP TABLE stage (line_number bigint, store_code text, name text, city text, region text, size_sq_ft integer,
                {RejectColumns}) ON COMMIT DROP
            """,
    };

    public static string CopyStage(UploadKind kind) => "COPY stage FROM STDIN (FORMAT BINARY)";

    /// <summary>Columns between line_number and the reject columns.</summary>
    public static int FieldCount(UploadKind kind) => kind switch
    {
        UploadKind.Transactions => 11,
        UploadKind.Refunds => 9,
        _ => 5,
    };

    public const string KeepRejected = """
        INSERT INTO rejected_rows (upload_id, line_number, raw_text, reason_codes)
        SELECT @upload, line_number, raw_text, reason_codes FROM stage WHERE reason_codes IS NOT NULL
        """;

    /// <summary>Staged sales, skipping lines already loaded (see <see cref="DirectSalesCopy"/> for the usual way in).</summary>
    public const string SalesFromStage = """
        INSERT INTO fact_sales (invoice, product_id, date_key, customer_id, store_id, retailer_id, upload_id, quantity,
            unit_price, line_amount, invoiced_at, is_non_product, is_zero_price, line_occurrence)
        SELECT t.invoice, p.product_id, to_char(t.invoiced_at, 'YYYYMMDD')::int, c.customer_id, s.store_id,
               r.retailer_id, @upload, t.quantity, t.unit_price, t.quantity * t.unit_price, t.invoiced_at,
               t.is_non_product, t.unit_price = 0, t.occurrence
        FROM (SELECT *, row_number() OVER (PARTITION BY invoice, stock_code, invoiced_at, quantity, unit_price
                                           ORDER BY line_number) AS occurrence
              FROM stage WHERE reason_codes IS NULL AND NOT is_return) t
        JOIN dim_product p ON p.stock_code = t.stock_code
        JOIN dim_store s ON s.store_code = t.store_code
        JOIN dim_retailer r ON r.code = @retailer
        LEFT JOIN dim_customer c ON c.customer_code = t.customer_code
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Staged returns (negative or C-invoice lines) become refunds of their original invoice.</summary>
    public const string ReturnsFromStage = """
        INSERT INTO refunds (refund_code, original_invoice, product_id, store_id, customer_id, retailer_id, date_key,
            upload_id, quantity, amount, reason, refunded_at, line_occurrence)
        SELECT t.invoice, CASE WHEN upper(left(t.invoice, 1)) = 'C' THEN substr(t.invoice, 2) ELSE t.invoice END,
               p.product_id, s.store_id, c.customer_id, r.retailer_id, to_char(t.invoiced_at, 'YYYYMMDD')::int, @upload,
               abs(t.quantity), abs(t.quantity) * t.unit_price, 'cancelled_invoice', t.invoiced_at, t.occurrence
        FROM (SELECT *, row_number() OVER (PARTITION BY invoice, stock_code, invoiced_at, quantity, unit_price
                                           ORDER BY line_number) AS occurrence
              FROM stage WHERE reason_codes IS NULL AND is_return) t
        JOIN dim_product p ON p.stock_code = t.stock_code
        JOIN dim_store s ON s.store_code = t.store_code
        JOIN dim_retailer r ON r.code = @retailer
        LEFT JOIN dim_customer c ON c.customer_code = t.customer_code
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// Statistics of the stage's filter columns only (a full ANALYZE costs more than the load): without them the planner
    /// takes the staged rows for a handful and joins them to the dimensions row by row.
    /// </summary>
    public static string AnalyzeStage(UploadKind kind) =>
        kind == UploadKind.Transactions ? "ANALYZE stage (reason_codes, is_return)" : "ANALYZE stage (reason_codes)";

    /// <summary>
    /// The inserts from the stage whose row counts are rows loaded; the rest of the accepted rows were duplicates. A
    /// transactions file's sales are not among them: they are copied in before (see <see cref="DirectSalesCopy"/>).
    /// </summary>
    public static IReadOnlyList<string> Facts(UploadKind kind) => kind switch
    {
        UploadKind.Transactions => [ReturnsFromStage],
        UploadKind.Refunds =>
        [
            """
            INSERT INTO refunds (refund_code, original_invoice, product_id, store_id, customer_id, retailer_id, date_key,
                upload_id, quantity, amount, reason, refunded_at, line_occurrence)
            SELECT f.refund_code, f.invoice, p.product_id, s.store_id, c.customer_id, r.retailer_id,
                   to_char(f.refunded_at, 'YYYYMMDD')::int, @upload, f.quantity, f.amount, f.reason, f.refunded_at, f.occurrence
            FROM (SELECT *, row_number() OVER (PARTITION BY refund_code, stock_code, refunded_at, quantity, amount
                                               ORDER BY line_number) AS occurrence
                  FROM stage WHERE reason_codes IS NULL) f
            JOIN dim_product p ON p.stock_code = f.stock_code
            JOIN dim_store s ON s.store_code = f.store_code
            JOIN dim_retailer r ON r.code = @retailer
            LEFT JOIN dim_customer c ON c.customer_code = f.customer_code
            ON CONFLICT DO NOTHING
            """,
        ],
        UploadKind.ProductCatalog =>
        [
            """
            INSERT INTO dim_product (stock_code, description, category, base_price, is_non_product)
            SELECT DISTINCT ON (stock_code) stock_code, description, category, base_price, is_non_product
            FROM stage WHERE reason_codes IS NULL ORDER BY stock_code, line_number DESC
            ON CONFLICT (stock_code) DO UPDATE SET description = COALESCE(excluded.description, dim_product.description),
                category = excluded.category, base_price = COALESCE(excluded.base_price, dim_product.base_price)
            """,
        ],
        _ =>
        [
            """
            INSERT INTO dim_store (store_code, name, city, region, size_sq_ft)
            SELECT DISTINCT ON (store_code) store_code, name, city, region, size_sq_ft
            FROM stage WHERE reason_codes IS NULL ORDER BY store_code, line_number DESC
            ON CONFLICT (store_code) DO UPDATE SET name = COALESCE(excluded.name, dim_store.name), city = excluded.city,
                region = excluded.region, size_sq_ft = COALESCE(excluded.size_sq_ft, dim_store.size_sq_ft)
            """,
        ],
    };

    /// <summary>Of the products a file names (@codes), those no catalog has described.</summary>
    public const string ProductsMissingFromCatalog =
        "SELECT count(*) FROM dim_product WHERE stock_code = ANY(@codes) AND category IS NULL AND NOT is_non_product";

    /// <summary>Of the stores a file names (@codes), those no store locations file has placed.</summary>
    public const string StoresMissingLocation = "SELECT count(*) FROM dim_store WHERE store_code = ANY(@codes) AND city IS NULL";
}
