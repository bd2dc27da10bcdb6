using RetailInsights.Core.Ingestion;

namespace RetailInsights.Tests.Core.Ingestion;

/// <summary>The best guesses the mapping step starts from, from header names, aliases and the shape of sample values.</summary>
[Trait("Tier", "unit")]
public sealed class MappingSuggesterTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Rows(params string[] lines) =>
        lines.Select(l => (IReadOnlyList<string>)l.Split(';')).ToList();

    private static Dictionary<string, string?> ByHeader(MappingSuggestion suggestion) =>
        suggestion.Columns.ToDictionary(c => c.Header, c => c.Column);

    [Fact]
    public void Suggest_franchiseHeader_mapsEveryColumn_dayFirstDates_andDecimalComma()
    {
        var headers = "receipt_no;sku;qty;unit_price;sold_at;member_no;store_code".Split(';');
        var suggestion = MappingSuggester.Suggest(headers, Rows(
            "R-1001;85123A;6;2,55;01/07/2025 08:26;M-17850;FR-01",
            "R-1001;71053;6;3,39;01/07/2025 08:26;M-17850;FR-01",
            "R-1002;22633;12;1.234,50;13/07/2025 09:02;;FR-02"));

        Assert.Equal(UploadKind.Transactions, suggestion.Kind);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["receipt_no"] = "Invoice", ["sku"] = "StockCode", ["qty"] = "Quantity", ["unit_price"] = "Price",
            ["sold_at"] = "InvoiceDate", ["member_no"] = "Customer ID", ["store_code"] = "StoreId",
        }, ByHeader(suggestion));
        Assert.Empty(suggestion.Unassigned);
        Assert.Equal(DateOrder.DayFirst, suggestion.DateOrder);
        Assert.Equal(',', suggestion.DecimalSeparator);
        Assert.Contains("sold", suggestion.Columns.Single(c => c.Header == "sold_at").Why);
    }

    [Fact]
    public void Suggest_uciLayout_takesTheAliases_monthFirstAndDecimalPoint()
    {
        var headers = "InvoiceNo;StockCode;Description;Quantity;InvoiceDate;UnitPrice;CustomerID;Country".Split(';');
        var suggestion = MappingSuggester.Suggest(headers, Rows(
            "536365;85123A;WHITE HANGING HEART T-LIGHT HOLDER;6;12/1/2010 8:26;2.55;17850;United Kingdom",
            "536366;22633;HAND WARMER UNION JACK;6;12/13/2010 8:28;1.85;17850;United Kingdom"));

        Assert.Equal(["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"],
            suggestion.Columns.Select(c => c.Column));
        Assert.Equal(DateOrder.MonthFirst, suggestion.DateOrder);
        Assert.Equal('.', suggestion.DecimalSeparator);
    }

    [Fact]
    public void Suggest_requiredColumnNoNamePointsTo_takesTheOnlyHeaderWithItsShape()
    {
        var headers = "receipt;sku;qty;price;x5".Split(';');
        var suggestion = MappingSuggester.Suggest(headers, Rows("1;A;2;1.50;2025-07-01 10:00", "2;B;1;2.00;2025-07-02 11:00"),
            UploadKind.Transactions);

        var guess = suggestion.Columns.Single(c => c.Header == "x5");
        Assert.Equal("InvoiceDate", guess.Column);
        Assert.Contains("only remaining column of dates", guess.Why);
    }

    [Fact]
    public void Suggest_nameContradictedByValues_isNotTaken()
    {
        // "order" points to the invoice, but amounts with decimals are not receipt numbers; "total" wins the column.
        var headers = "receipt;sku;qty;price;sold;order_total".Split(';');
        var suggestion = MappingSuggester.Suggest(headers, Rows("1;A;2;1.50;2025-07-01;3.00", "2;B;1;2.00;2025-07-02;2.00"),
            UploadKind.Transactions);

        Assert.Equal("LineAmount", ByHeader(suggestion)["order_total"]);
        Assert.Equal("Invoice", ByHeader(suggestion)["receipt"]);
    }

    [Fact]
    public void Suggest_noKindGiven_picksTheKindItsColumnsCover()
    {
        var headers = "return_no;receipt;sku;qty;refund_value;why;returned_on".Split(';');
        var suggestion = MappingSuggester.Suggest(headers, Rows("RF1;R-1;A;1;2.50;damaged;2025-07-03"));

        Assert.Equal(UploadKind.Refunds, suggestion.Kind);
        Assert.Equal("RefundId", ByHeader(suggestion)["return_no"]);
        Assert.Equal("Amount", ByHeader(suggestion)["refund_value"]);
        Assert.Equal("Reason", ByHeader(suggestion)["why"]);
        Assert.Equal("RefundedAt", ByHeader(suggestion)["returned_on"]);
    }

    [Fact]
    public void Suggest_unrelatedHeaders_leaveRequiredColumnsUnassigned_andNamesNothing()
    {
        var suggestion = MappingSuggester.Suggest(["foo", "bar"], Rows("hello world;some text"), UploadKind.Transactions);

        Assert.All(suggestion.Columns, c => Assert.Null(c.Column));
        Assert.Equal(["Invoice", "StockCode", "Quantity", "InvoiceDate", "Price"], suggestion.Unassigned);
    }
}
