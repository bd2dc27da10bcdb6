using RetailInsights.Core.Ingestion;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Ingestion;

/// <summary>Every reason code has a file with a line that carries it; the good line beside it is kept.</summary>
[Trait("Tier", "unit")]
public sealed class RowValidationTests : IDisposable
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private const string Good = "536365,85123A,WHITE HANGING HEART,6,2025-07-01 08:26:00,2.55,17850,United Kingdom,JKT-01\n";
    private readonly FileFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(",85123A,X,6,2025-07-01 08:26,2.55,17850,UK,S1", RejectReasons.MissingInvoice)]
    [InlineData("536366,,X,6,2025-07-01 08:26,2.55,17850,UK,S1", RejectReasons.MissingStockCode)]
    [InlineData("536366,85123A,X,six,2025-07-01 08:26,2.55,17850,UK,S1", RejectReasons.BadQuantity)]
    [InlineData("536366,85123A,X,1.5,2025-07-01 08:26,2.55,17850,UK,S1", RejectReasons.BadQuantity)]
    [InlineData("536366,85123A,X,0,2025-07-01 08:26,2.55,17850,UK,S1", RejectReasons.ZeroQuantity)]
    [InlineData("536366,85123A,X,6,2025-07-01 08:26,abc,17850,UK,S1", RejectReasons.BadPrice)]
    [InlineData("536366,85123A,X,6,2025-07-01 08:26,,17850,UK,S1", RejectReasons.BadPrice)]
    [InlineData("A563185,B,Adjust bad debt,1,2025-07-01 08:26,-11062.06,,UK,S1", RejectReasons.NegativePrice)]
    [InlineData("536366,85123A,X,6,yesterday,2.55,17850,UK,S1", RejectReasons.BadDate)]
    [InlineData("536366,85123A,X,6,2025-13-45 08:26,2.55,17850,UK,S1", RejectReasons.BadDate)]
    [InlineData("536366,85123A,X,6,2030-01-01 08:26,2.55,17850,UK,S1", RejectReasons.FutureDate)]
    [InlineData("536366,85123A,X,6,2025-07-01 08:26,2.55,17850,UK", RejectReasons.WrongColumnCount)]
    [InlineData("536366,85123A,X,6,2025-07-01 08:26,2.55,17850,UK,S1,extra", RejectReasons.WrongColumnCount)]
    [InlineData("55555555555555555555555555555555555555555555555555555555555555555,85123A,X,6,2025-07-01 08:26,2.55,17850,UK,S1", RejectReasons.ValueOutOfRange)]
    [InlineData("536366,85123A,X,6,2025-07-01 08:26,1000000000,17850,UK,S1", RejectReasons.ValueOutOfRange)]
    [InlineData("536366,85123A,X,2000000000,2025-07-01 08:26,900000000,17850,UK,S1", RejectReasons.ValueOutOfRange)]
    [InlineData("536366,85123A,X,6,2025-07-01 08:26,79228162514264337593543950335,17850,UK,S1", RejectReasons.ValueOutOfRange)]
    public void Transactions_badLine_isRejectedWithItsReason_goodLineKept(string badLine, string reason)
    {
        var (reader, results) = _files.ReadText(Header + Good + badLine + "\n" + Good.Replace("536365", "536367"));

        Assert.Equal(3, results.Count);
        var rejected = Assert.Single(results, r => r.Rejected is not null).Rejected!;
        Assert.Contains(reason, rejected.Reasons);
        Assert.Equal(3, rejected.LineNumber);
        Assert.Equal(badLine, rejected.RawText);
        Assert.Equal((3L, 2L, 1L), (reader.Statistics.RowsRead, reader.Statistics.RowsAccepted, reader.Statistics.RowsRejected));
        Assert.Equal(1, reader.Statistics.RejectedByReason[reason]);
    }

    [Fact]
    public void Transactions_lineWithSeveralProblems_carriesEveryReason()
    {
        var (_, results) = _files.ReadText(Header + ",,X,0,never,-1,,UK,S1\n");

        var rejected = Assert.Single(results).Rejected!;
        Assert.Equal(
            new[] { RejectReasons.MissingInvoice, RejectReasons.MissingStockCode, RejectReasons.ZeroQuantity, RejectReasons.NegativePrice, RejectReasons.BadDate }.Order(),
            rejected.Reasons.Order());
    }

    [Fact]
    public void Transactions_lineAmountColumn_mustEqualQuantityTimesPrice()
    {
        var (_, results) = _files.ReadText(
            "Invoice,StockCode,Quantity,InvoiceDate,Price,LineAmount\n1,A,2,2025-07-01,2.50,5.00\n2,A,2,2025-07-01,2.50,7.00\n");

        Assert.NotNull(results[0].Row);
        Assert.Equal([RejectReasons.LineAmountMismatch], results[1].Rejected!.Reasons);
    }

    [Fact]
    public void Transactions_malformedQuotes_areRejectedWithRawText()
    {
        var (_, results) = _files.ReadText(Header + Good + "536366,85123A,\"BROKEN \"QUOTE\" HERE,6,2025-07-01 08:26,2.55,17850,UK,S1\n" + Good.Replace("536365", "536368"));

        var rejected = Assert.Single(results, r => r.Rejected is not null).Rejected!;
        Assert.Contains(RejectReasons.MalformedQuotes, rejected.Reasons);
        Assert.Contains("BROKEN", rejected.RawText);
        Assert.Equal(2, results.Count(r => r.Row is not null));
    }

    [Theory]
    [InlineData("C536379,D,Discount,-1,2025-07-01 09:41,27.5,14527,UK,S1", RowFlags.Return | RowFlags.NonProduct)]
    [InlineData("536380,22086,PAPER CHAIN,-12,2025-07-01 09:41,2.5,14527,UK,S1", RowFlags.Return)]
    [InlineData("536381,POST,POSTAGE,1,2025-07-01 09:41,18,12583,France,S1", RowFlags.NonProduct)]
    [InlineData("536382,22086,PAPER CHAIN,3,2025-07-01 09:41,0,14527,UK,S1", RowFlags.ZeroPrice)]
    [InlineData("536383,22086,PAPER CHAIN,3,2025-07-01 09:41,2.5,,UK,S1", RowFlags.NoCustomer)]
    [InlineData("536384,ADMIN-FEE,Biaya Admin,1,2025-07-01 09:41,2500,,Indonesia,S1", RowFlags.NonProduct | RowFlags.NoCustomer)]
    [InlineData("536385,22086,PAPER CHAIN,3,2025-07-01 09:41,2.5,14527,UK,S1", RowFlags.None)]
    public void Transactions_classifiedLines_areKeptWithTheirFlags(string line, RowFlags flags)
    {
        var (reader, results) = _files.ReadText(Header + line + "\n");

        var result = Assert.Single(results);
        var row = Assert.IsType<TransactionRow>(result.Row);
        Assert.Equal(flags, row.Flags);
        Assert.Equal(flags == RowFlags.None ? 0 : 1, reader.Statistics.RowsFlagged);
    }

    [Theory]
    [InlineData("R1,536365,85123A,1,2.55,changed_mind,2025-07-02 10:00,S1,17850", null)]
    [InlineData(",536365,85123A,1,2.55,defective,2025-07-02 10:00,S1,17850", RejectReasons.MissingRefundId)]
    [InlineData("R1,536365,85123A,-1,2.55,defective,2025-07-02 10:00,S1,17850", RejectReasons.BadQuantity)]
    [InlineData("R1,536365,85123A,0,2.55,defective,2025-07-02 10:00,S1,17850", RejectReasons.ZeroQuantity)]
    [InlineData("R1,536365,85123A,1,lots,defective,2025-07-02 10:00,S1,17850", RejectReasons.BadAmount)]
    [InlineData("R1,536365,85123A,1,-2.55,defective,2025-07-02 10:00,S1,17850", RejectReasons.NegativeAmount)]
    [InlineData("R1,536365,85123A,1,2.55,felt_like_it,2025-07-02 10:00,S1,17850", RejectReasons.BadReason)]
    [InlineData("R1,536365,85123A,1,2.55,defective,2031-07-02 10:00,S1,17850", RejectReasons.FutureDate)]
    [InlineData("R1,536365,85123A,1,10000000000000000,defective,2025-07-02 10:00,S1,17850", RejectReasons.ValueOutOfRange)]
    public void Refunds_eachRule(string line, string? reason)
    {
        var (reader, results) = _files.ReadText("RefundId,Invoice,StockCode,Quantity,Amount,Reason,RefundedAt,StoreId,Customer ID\n" + line + "\n");

        Assert.Equal(UploadKind.Refunds, reader.Kind);
        var result = Assert.Single(results);
        if (reason is null)
            Assert.Equal("changed_mind", Assert.IsType<RefundRow>(result.Row).Reason);
        else
            Assert.Contains(reason, result.Rejected!.Reasons);
    }

    [Fact]
    public void AllowedStores_lineOfAnotherStoreOrOfTheDefaultOutsideThem_isRejectedAsOutOfScope()
    {
        var options = new ReadOptions { Now = FileFixture.Now, AllowedStores = new HashSet<string> { "JKT-01" } };
        var (_, sales) = _files.ReadText(Header + Good + Good.Replace("JKT-01", "BDG-01") + Good.Replace(",JKT-01", ","), options);
        var (_, refunds) = _files.ReadText("RefundId,Invoice,StockCode,Quantity,Amount,Reason,RefundedAt,StoreId\n" +
            "R1,536365,85123A,1,2.55,defective,2025-07-02 10:00,JKT-01\nR2,536365,85123A,1,2.55,defective,2025-07-02 10:00,BDG-01\n", options);
        var (_, stores) = _files.ReadText("StoreId,StoreName,City,Region\nJKT-01,Kemang,Jakarta,DKI\nBDG-01,Dago,Bandung,Jabar\n", options);

        Assert.Equal("JKT-01", Assert.IsType<TransactionRow>(sales[0].Row).StoreCode);
        Assert.Equal([RejectReasons.StoreOutOfScope], sales[1].Rejected!.Reasons);
        // No store and no default: the line would go to the unassigned store, which is not the key's either.
        Assert.Equal([RejectReasons.StoreOutOfScope], sales[2].Rejected!.Reasons);
        Assert.NotNull(refunds[0].Row);
        Assert.Equal([RejectReasons.StoreOutOfScope], refunds[1].Rejected!.Reasons);
        Assert.NotNull(stores[0].Row);
        Assert.Equal([RejectReasons.StoreOutOfScope], stores[1].Rejected!.Reasons);
    }

    [Fact]
    public void CatalogAndStores_validateTheirOwnColumns()
    {
        var (catalog, products) = _files.ReadText("StockCode,Description,Category,BasePrice\nIND-001,Indomie,Instant Food,3500\nX,Bad,Food,-1\n,Nameless,Food,1\n");
        var (stores, locations) = _files.ReadText("StoreId,StoreName,City,Region,SizeSqFt\nJKT-01,Kemang,Jakarta,DKI Jakarta,2400\nBDG-01,Dago,Bandung,Jawa Barat,0\n,Nowhere,Medan,Sumatera Utara,100\n");

        Assert.Equal(UploadKind.ProductCatalog, catalog.Kind);
        Assert.Equal(3500m, Assert.IsType<ProductRow>(products[0].Row).BasePrice);
        Assert.Equal([RejectReasons.NegativePrice], products[1].Rejected!.Reasons);
        Assert.Equal([RejectReasons.MissingStockCode], products[2].Rejected!.Reasons);
        Assert.Equal(UploadKind.StoreLocations, stores.Kind);
        Assert.Equal("Jakarta", Assert.IsType<StoreLocationRow>(locations[0].Row).City);
        Assert.Equal([RejectReasons.BadSize], locations[1].Rejected!.Reasons);
        Assert.Equal([RejectReasons.MissingStoreId], locations[2].Rejected!.Reasons);
    }

    [Theory]
    [InlineData("0.0125", "0.013")]
    [InlineData("2.5549", "2.555")]
    [InlineData("3", "3")]
    public void Transactions_price_isKeptWithTheThreeDecimalsTheDatabaseStores(string price, string stored)
    {
        var (_, results) = _files.ReadText(Header + $"536366,85123A,X,6,2025-07-01 08:26,{price},17850,UK,S1\n");

        Assert.Equal(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<TransactionRow>(Assert.Single(results).Row).UnitPrice);
    }

    [Fact]
    public void EveryReasonCode_isExplainedInASentence() =>
        Assert.All(RejectReasons.All, code => Assert.EndsWith(".", RejectReasons.Describe(code)));

    [Fact]
    public void EveryReasonCode_isCoveredByATestFile()
    {
        var covered = typeof(RowValidationTests).GetMethods()
            .SelectMany(m => m.GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>())
            .SelectMany(a => a.GetData(null!).SelectMany(args => args))
            .OfType<string>()
            .ToHashSet();
        // Asserted by the facts above rather than by inline data.
        covered.UnionWith([RejectReasons.LineAmountMismatch, RejectReasons.MalformedQuotes, RejectReasons.MissingStoreId, RejectReasons.BadSize,
            RejectReasons.StoreOutOfScope]);
        // Asserted by the live event API's tests (Web/Live), where events carry them.
        covered.UnionWith([RejectReasons.MissingEventId, RejectReasons.NotAnObject, RejectReasons.TooOld]);
        // Asserted by the JSON and Excel readers' tests (Core/Ingestion/Formats), where records carry them.
        covered.UnionWith([RejectReasons.NestedValue, RejectReasons.MalformedJson, RejectReasons.TotalRow]);
        Assert.Empty(RejectReasons.All.Except(covered));
    }
}
