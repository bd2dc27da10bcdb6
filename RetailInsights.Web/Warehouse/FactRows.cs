namespace RetailInsights.Web.Warehouse;

/// <summary>
/// The one writer of fact rows — sales lines (<c>fact_sales</c>) and refunds — for files and live events alike. It
/// holds each table's column list and derives the columns that follow from others (the day's key, a line's amount,
/// whether the price is zero), so that a fact reads the same whichever way it came in. A source hands its rows over as
/// a query of the columns named below; a load that knows the ids in memory copies sales with <see cref="SalesCopy"/>.
/// The facts' natural key decides what is already there: a line loaded before is skipped, not loaded twice.
/// </summary>
public static class FactRows
{
    public const string SaleColumns = """
        invoice, product_id, date_key, customer_id, store_id, retailer_id, upload_id, quantity, unit_price, line_amount,
            invoiced_at, is_non_product, is_zero_price, line_occurrence
        """;

    public const string RefundColumns = """
        refund_code, original_invoice, product_id, store_id, customer_id, retailer_id, date_key, upload_id, quantity, amount,
            reason, refunded_at, line_occurrence
        """;

    public const string CopySales = $"COPY fact_sales ({SaleColumns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// The joins that turn a source row's codes (<c>stock_code</c>, <c>store_code</c>, <c>customer_code</c>, and the
    /// source system's code in @retailer) into the ids <c>p.product_id</c>, <c>s.store_id</c>, <c>c.customer_id</c>
    /// (null without a customer) and <c>r.retailer_id</c>. The dimension rows are written first (<see cref="DimensionSql"/>).
    /// </summary>
    /// <param name="row">The source row's alias.</param>
    public static string ResolveCodes(string row) => $"""
        JOIN dim_product p ON p.stock_code = {row}.stock_code
        JOIN dim_store s ON s.store_code = {row}.store_code
        JOIN dim_retailer r ON r.code = @retailer
        LEFT JOIN dim_customer c ON c.customer_code = {row}.customer_code
        """;

    /// <summary>Inserts sales lines, skipping those already there.</summary>
    /// <param name="rows">A query of the columns <c>invoice, product_id, customer_id, store_id, retailer_id, upload_id,
    /// quantity, unit_price, invoiced_at, is_non_product, line_occurrence</c>.</param>
    /// <param name="order">The order the rows go in (the caller's columns), when writers of the same keys run side by side.</param>
    /// <param name="keptIn">A table (shaped as <c>fact_sales</c>) that receives the rows inserted, or null.</param>
    public static string InsertSales(string rows, string? order = null, string? keptIn = null) => Insert($"""
        INSERT INTO fact_sales ({SaleColumns})
        SELECT invoice, product_id, {DateKeys.Sql("invoiced_at")}, customer_id, store_id, retailer_id, upload_id, quantity, unit_price,
               quantity * unit_price, invoiced_at, is_non_product, unit_price = 0, line_occurrence
        FROM ({rows}) sale
        """, order, keptIn);

    /// <summary>Inserts refunds, skipping those already there.</summary>
    /// <param name="rows">A query of the columns <c>refund_code, original_invoice, product_id, store_id, customer_id,
    /// retailer_id, upload_id, quantity, amount, reason, refunded_at, line_occurrence</c>.</param>
    /// <param name="order">The order the rows go in (the caller's columns), when writers of the same keys run side by side.</param>
    /// <param name="keptIn">A table (shaped as <c>refunds</c>) that receives the rows inserted, or null.</param>
    public static string InsertRefunds(string rows, string? order = null, string? keptIn = null) => Insert($"""
        INSERT INTO refunds ({RefundColumns})
        SELECT refund_code, original_invoice, product_id, store_id, customer_id, retailer_id, {DateKeys.Sql("refunded_at")}, upload_id,
               quantity, amount, reason, refunded_at, line_occurrence
        FROM ({rows}) refund
        """, order, keptIn);

    /// <remarks>Without <paramref name="keptIn"/> the statement ends in ON CONFLICT DO NOTHING, which lets a load try it as a plain insert first.</remarks>
    private static string Insert(string insert, string? order, string? keptIn)
    {
        var statement = insert.TrimEnd() + (order is null ? "" : $"\nORDER BY {order}") + "\nON CONFLICT DO NOTHING";
        return keptIn is null ? statement : $"""
            WITH inserted AS (
            {statement}
            RETURNING *)
            INSERT INTO {keptIn} SELECT * FROM inserted
            """;
    }
}
