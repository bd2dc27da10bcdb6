namespace RetailInsights.Tests.Web.Sources;

/// <summary>The same five sales (and one broken line) as three source systems write them.</summary>
public static class SourceFiles
{
    /// <summary>Every sale line of a source system, one text per line, sorted: invoice, product, quantity, price, time, customer, store.</summary>
    public static string FactsSql(string retailer) => $"""
        SELECT f.invoice || '|' || p.stock_code || '|' || f.quantity || '|' || f.unit_price || '|' ||
               to_char(f.invoiced_at, 'YYYY-MM-DD HH24:MI') || '|' || coalesce(c.customer_code, '-') || '|' || s.store_code
        FROM fact_sales f
        JOIN dim_retailer r ON r.retailer_id = f.retailer_id
        JOIN dim_product p ON p.product_id = f.product_id
        JOIN dim_store s ON s.store_id = f.store_id
        LEFT JOIN dim_customer c ON c.customer_id = f.customer_id
        WHERE r.code = '{retailer}'
        ORDER BY 1
        """;

    public const string Standard = """
        Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2025-07-01 08:26:00,2.55,17850,United Kingdom,UK-01
        536365,71053,WHITE METAL LANTERN,6,2025-07-01 08:26:00,3.39,17850,United Kingdom,UK-01
        536366,22633,HAND WARMER UNION JACK,12,2025-07-13 09:02:00,1234.50,,United Kingdom,UK-01
        536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2025-07-02 15:45:00,1.69,13047,United Kingdom,UK-01
        536368,22960,JAM MAKING SET WITH JARS,3,2025-07-12 10:00:00,4.25,13047,United Kingdom,UK-01

        """;

    /// <summary>The UCI Online Retail layout: its own names, month-first dates, float-written customers, no store column.</summary>
    public const string Uci = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,7/1/2025 8:26,2.55,17850.0,United Kingdom
        536365,71053,WHITE METAL LANTERN,6,7/1/2025 8:26,3.39,17850.0,United Kingdom
        536366,22633,HAND WARMER UNION JACK,12,7/13/2025 9:02,1234.50,,United Kingdom
        536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,7/2/2025 15:45,1.69,13047.0,United Kingdom
        536368,22960,JAM MAKING SET WITH JARS,3,7/12/2025 10:00,4.25,13047.0,United Kingdom
        536369,,NO CODE,1,7/12/2025 10:00,4.25,13047.0,United Kingdom

        """;

    /// <summary>The franchise's till export: semicolons, decimal commas, day-first dates, its own names.</summary>
    public const string Franchise = """
        receipt_no;sku;qty;unit_price;sold_at;member_no;store_code
        536365;85123A;6;2,55;01/07/2025 08:26;17850;UK-01
        536365;71053;6;3,39;01/07/2025 08:26;17850;UK-01
        536366;22633;12;1.234,50;13/07/2025 09:02;;UK-01
        536367;84879;32;1,69;02/07/2025 15:45;13047;UK-01
        536368;22960;3;4,25;12/07/2025 10:00;13047;UK-01
        536369;22960;3;4,25;31/02/2025 10:00;13047;UK-01

        """;
}
