using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Ingestion.Formats;

/// <summary>A workbook of two months' sales, one sheet each, with the usual header: which sheet was loaded shows in the facts.</summary>
internal static class TwoSheetWorkbook
{
    private static readonly object?[] Header = ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country", "StoreId"];

    /// <summary>The loaded sales as invoice:stock code, in order.</summary>
    public const string Sales = """
        SELECT coalesce(string_agg(f.invoice || ':' || p.stock_code, ',' ORDER BY f.invoice, p.stock_code), '')
        FROM fact_sales f JOIN dim_product p USING (product_id)
        """;

    /// <param name="prefix">Starts every invoice, so tests sharing a database tell their sales (and files) apart.</param>
    public static string Write(string folder, string prefix, string name = "book.xlsx")
    {
        var path = Path.Combine(folder, name);
        XlsxWriter.Write(path,
            ("June", [Header, Sale(prefix + "J1", "A", 6), Sale(prefix + "J1", "B", 7), Sale(prefix + "J2", "C", 8)]),
            ("July", [Header, Sale(prefix + "K1", "D", 9), Sale(prefix + "K2", "E", 10)]));
        return path;
    }

    public static string June(string prefix) => $"{prefix}J1:A,{prefix}J1:B,{prefix}J2:C";

    public static string July(string prefix) => $"{prefix}K1:D,{prefix}K2:E";

    private static object?[] Sale(string invoice, string code, int day) =>
        [invoice, code, "Item " + code, 2, new DateTime(2025, day < 9 ? 6 : 7, day, 10, 0, 0), 1.5, 17850, "United Kingdom", "UK-01"];
}
