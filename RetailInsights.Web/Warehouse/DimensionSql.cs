namespace RetailInsights.Web.Warehouse;

/// <summary>
/// The inserts that add the dimension rows that facts name, from any source of codes: arrays a file's load gathered in
/// memory, a load's staging table when it spilled, or a batch of live events. Rows go in sorted order so that two loads
/// never wait for each other in a circle. The first description a file gives a product is kept (and fills a product
/// that had none), as the first country of a new customer. Writers of the same new row at the same moment (loads, live
/// events, pulls) each take it: every insert's ON CONFLICT covers every unique index of its table.
/// </summary>
public static class DimensionSql
{
    public const string Retailer = "INSERT INTO dim_retailer (code, name) VALUES (@retailer, @retailer) ON CONFLICT (code) DO NOTHING";

    /// <param name="days">A query of one date column <c>d</c>.</param>
    /// <remarks>
    /// No conflict target: a day is unique twice (its key and its date), and a unique index that is not the ON CONFLICT's
    /// fails a writer whose new day another writer inserted at the same moment (23505) instead of taking it.
    /// </remarks>
    public static string Dates(string days) => $"""
        INSERT INTO dim_date (date_key, date, year, quarter, month, day, iso_day_of_week, is_weekend)
        SELECT {DateKeys.Sql("d")}, d, extract(year FROM d), extract(quarter FROM d), extract(month FROM d),
               extract(day FROM d), extract(isodow FROM d), extract(isodow FROM d) >= 6
        FROM ({days}) AS days ORDER BY d
        ON CONFLICT DO NOTHING
        """;

    /// <param name="codes">A query of one column <c>code</c>.</param>
    public static string Stores(string codes) => $"""
        INSERT INTO dim_store (store_code) SELECT code FROM ({codes}) AS stores ORDER BY code
        ON CONFLICT (store_code) DO NOTHING
        """;

    /// <param name="products">A query of the columns <c>stock_code, description, is_non_product</c>, one row per code.</param>
    public static string Products(string products) => $"""
        INSERT INTO dim_product (stock_code, description, is_non_product)
        SELECT stock_code, description, is_non_product FROM ({products}) AS products ORDER BY stock_code
        ON CONFLICT (stock_code) DO UPDATE SET description = excluded.description
        WHERE dim_product.description IS NULL AND excluded.description IS NOT NULL
        """;

    /// <param name="customers">A query of the columns <c>customer_code, country</c>, one row per code.</param>
    public static string Customers(string customers) => $"""
        INSERT INTO dim_customer (customer_code, country)
        SELECT customer_code, country FROM ({customers}) AS customers ORDER BY customer_code
        ON CONFLICT (customer_code) DO NOTHING
        """;

    /// <summary>The dimension rows of a stage's accepted rows: for a load that spilled, and for a batch of live events.</summary>
    /// <param name="dateColumn">The stage's timestamp column.</param>
    /// <param name="description">The stage's description column, or NULL.</param>
    /// <param name="country">The stage's country column, or NULL.</param>
    /// <param name="isNonProduct">The stage's non-product column, or false.</param>
    /// <param name="stage">The table of rows (accepted ones have no reason codes), ordered by <c>line_number</c>.</param>
    public static IReadOnlyList<string> FromStage(string dateColumn, string description, string country, string isNonProduct,
        string stage = "stage") =>
    [
        Retailer,
        Dates($"SELECT DISTINCT {dateColumn}::date AS d FROM {stage} WHERE reason_codes IS NULL"),
        Stores($"SELECT DISTINCT store_code AS code FROM {stage} WHERE reason_codes IS NULL"),
        Products($"""
            SELECT DISTINCT ON (stock_code) stock_code, {description} AS description, {isNonProduct} AS is_non_product
            FROM {stage} WHERE reason_codes IS NULL ORDER BY stock_code, {description} IS NULL, line_number
            """),
        Customers($"""
            SELECT DISTINCT ON (customer_code) customer_code, {country} AS country
            FROM {stage} WHERE reason_codes IS NULL AND customer_code IS NOT NULL ORDER BY customer_code, line_number
            """),
    ];
}
