using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Admin.DemoData;

/// <summary>
/// The SQL that places one generator file: a text staging table filled by COPY, statements that add the
/// dimensions it mentions, statements whose row counts are the rows loaded, and a count of rows it cannot place.
/// Parameters: @upload, @retailer, @exact (upper-case non-product codes), @prefixes (LIKE patterns).
/// </summary>
public sealed record DemoLoadSql(string CreateStage, string CopyCommand, string[] Prepare, string[] Load, string? Unplaceable)
{
    public static DemoLoadSql For(string kind) => kind switch
    {
        UploadKinds.StoreLocations => Stores,
        UploadKinds.ProductCatalog => Products,
        UploadKinds.Transactions => Transactions,
        UploadKinds.Refunds => Refunds,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a demo file kind"),
    };

    private const string IsNonProduct = "(upper(stock_code) = ANY(@exact) OR upper(stock_code) LIKE ANY(@prefixes))";

    private const string AddRetailer =
        "INSERT INTO dim_retailer (code, name) VALUES (@retailer, 'Demo minimarket chain') ON CONFLICT (code) DO NOTHING";

    private static string AddDates(string timestampColumn, string table) => $"""
        INSERT INTO dim_date (date_key, date, year, quarter, month, day, iso_day_of_week, is_weekend)
        SELECT to_char(d, 'YYYYMMDD')::int, d, extract(year FROM d), extract(quarter FROM d), extract(month FROM d),
               extract(day FROM d), extract(isodow FROM d), extract(isodow FROM d) >= 6
        FROM (SELECT DISTINCT {timestampColumn}::date AS d FROM {table}) days
        ON CONFLICT (date_key) DO NOTHING
        """;

    private static readonly DemoLoadSql Stores = new(
        "CREATE TEMP TABLE stage (store_id text, store_name text, city text, region text, size_sq_ft text) ON COMMIT DROP",
        "COPY stage FROM STDIN (FORMAT csv, HEADER true)",
        [],
        ["""
         INSERT INTO dim_store (store_code, name, city, region, size_sq_ft)
         SELECT btrim(store_id), store_name, city, region, size_sq_ft::int FROM stage
         ON CONFLICT (store_code) DO UPDATE SET name = excluded.name, city = excluded.city, region = excluded.region,
             size_sq_ft = excluded.size_sq_ft
         """],
        null);

    private static readonly DemoLoadSql Products = new(
        "CREATE TEMP TABLE stage (stock_code text, description text, category text, base_price text) ON COMMIT DROP",
        "COPY stage FROM STDIN (FORMAT csv, HEADER true)",
        [],
        [$"""
          INSERT INTO dim_product (stock_code, description, category, base_price, is_non_product)
          SELECT btrim(stock_code), description, category, base_price::numeric, {IsNonProduct} FROM stage
          ON CONFLICT (stock_code) DO UPDATE SET description = excluded.description, category = excluded.category,
              base_price = excluded.base_price
          """],
        null);

    private static readonly DemoLoadSql Transactions = new(
        """
        CREATE TEMP TABLE stage (invoice text, stock_code text, description text, quantity text, invoice_date text,
            price text, customer_id text, country text, store_id text) ON COMMIT DROP
        """,
        "COPY stage FROM STDIN (FORMAT csv, HEADER true)",
        [
            """
            CREATE TEMP TABLE tx ON COMMIT DROP AS
            SELECT btrim(invoice) AS invoice, btrim(stock_code) AS stock_code, nullif(btrim(description), '') AS description,
                   quantity::int AS quantity, invoice_date::timestamp AS invoiced_at, price::numeric AS price,
                   nullif(regexp_replace(btrim(customer_id), '\.0+$', ''), '') AS customer_code,
                   nullif(btrim(country), '') AS country, btrim(store_id) AS store_code
            FROM stage
            """,
            AddRetailer,
            AddDates("invoiced_at", "tx"),
            "INSERT INTO dim_store (store_code) SELECT DISTINCT store_code FROM tx ON CONFLICT (store_code) DO NOTHING",
            $"""
             INSERT INTO dim_product (stock_code, description, is_non_product)
             SELECT DISTINCT ON (stock_code) stock_code, description, {IsNonProduct} FROM tx
             ORDER BY stock_code, description NULLS LAST
             ON CONFLICT (stock_code) DO NOTHING
             """,
            """
            INSERT INTO dim_customer (customer_code, country)
            SELECT DISTINCT ON (customer_code) customer_code, country FROM tx WHERE customer_code IS NOT NULL
            ORDER BY customer_code
            ON CONFLICT (customer_code) DO NOTHING
            """,
        ],
        [
            """
            INSERT INTO fact_sales (invoice, product_id, date_key, customer_id, store_id, retailer_id, upload_id, quantity,
                unit_price, line_amount, invoiced_at, is_non_product, is_zero_price)
            SELECT t.invoice, p.product_id, to_char(t.invoiced_at, 'YYYYMMDD')::int, c.customer_id, s.store_id,
                   r.retailer_id, @upload, t.quantity, t.price, t.quantity * t.price, t.invoiced_at, p.is_non_product,
                   t.price = 0
            FROM tx t
            JOIN dim_product p ON p.stock_code = t.stock_code
            JOIN dim_store s ON s.store_code = t.store_code
            JOIN dim_retailer r ON r.code = @retailer
            LEFT JOIN dim_customer c ON c.customer_code = t.customer_code
            WHERE t.quantity > 0 AND t.invoice NOT LIKE 'C%'
            ON CONFLICT DO NOTHING
            """,
            """
            INSERT INTO refunds (refund_code, original_invoice, product_id, store_id, customer_id, retailer_id, date_key,
                upload_id, quantity, amount, reason, refunded_at)
            SELECT t.invoice, substr(t.invoice, 2), p.product_id, s.store_id, c.customer_id, r.retailer_id,
                   to_char(t.invoiced_at, 'YYYYMMDD')::int, @upload, -t.quantity, -t.quantity * t.price,
                   'cancelled_invoice', t.invoiced_at
            FROM tx t
            JOIN dim_product p ON p.stock_code = t.stock_code
            JOIN dim_store s ON s.store_code = t.store_code
            JOIN dim_retailer r ON r.code = @retailer
            LEFT JOIN dim_customer c ON c.customer_code = t.customer_code
            WHERE t.invoice LIKE 'C%' AND t.quantity < 0
            ON CONFLICT DO NOTHING
            """,
        ],
        "SELECT count(*) FROM tx WHERE price < 0 OR NOT ((quantity > 0 AND invoice NOT LIKE 'C%') OR (quantity < 0 AND invoice LIKE 'C%'))");

    private static readonly DemoLoadSql Refunds = new(
        """
        CREATE TEMP TABLE stage (refund_id text, invoice text, stock_code text, quantity text, amount text, reason text,
            refunded_at text, store_id text, customer_id text) ON COMMIT DROP
        """,
        "COPY stage FROM STDIN (FORMAT csv, HEADER true)",
        [
            """
            CREATE TEMP TABLE rf ON COMMIT DROP AS
            SELECT btrim(refund_id) AS refund_code, btrim(invoice) AS invoice, btrim(stock_code) AS stock_code,
                   quantity::int AS quantity, amount::numeric AS amount, btrim(reason) AS reason,
                   refunded_at::timestamp AS refunded_at, btrim(store_id) AS store_code,
                   nullif(regexp_replace(btrim(customer_id), '\.0+$', ''), '') AS customer_code
            FROM stage
            """,
            AddRetailer,
            AddDates("refunded_at", "rf"),
        ],
        [
            """
            INSERT INTO refunds (refund_code, original_invoice, product_id, store_id, customer_id, retailer_id, date_key,
                upload_id, quantity, amount, reason, refunded_at)
            SELECT f.refund_code, f.invoice, p.product_id, s.store_id, c.customer_id, r.retailer_id,
                   to_char(f.refunded_at, 'YYYYMMDD')::int, @upload, f.quantity, f.amount, f.reason, f.refunded_at
            FROM rf f
            JOIN dim_product p ON p.stock_code = f.stock_code
            JOIN dim_store s ON s.store_code = f.store_code
            JOIN dim_retailer r ON r.code = @retailer
            LEFT JOIN dim_customer c ON c.customer_code = f.customer_code
            ON CONFLICT DO NOTHING
            """,
        ],
        """
        SELECT count(*) FROM rf f
        WHERE NOT EXISTS (SELECT 1 FROM dim_product p WHERE p.stock_code = f.stock_code)
           OR NOT EXISTS (SELECT 1 FROM dim_store s WHERE s.store_code = f.store_code)
        """);
}
