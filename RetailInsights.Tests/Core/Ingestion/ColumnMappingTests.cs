using RetailInsights.Core.Ingestion;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Ingestion;

/// <summary>A source's mapping and conventions, applied by the real reader to real files.</summary>
[Trait("Tier", "unit")]
public sealed class ColumnMappingTests : IDisposable
{
    private const string FranchiseFile = """
        receipt_no;sku;qty;unit_price;sold_at;member_no;store_code
        R-1001;85123A;6;2,55;01/07/2025 08:26;M-17850;FR-01
        R-1002;22633;12;1.234,50;03/07/2025 09:02;;FR-02

        """;

    private static readonly ColumnMapping Franchise = new()
    {
        Columns = new Dictionary<string, string> { ["sold_at"] = "InvoiceDate", ["member_no"] = "Customer ID" },
        DateOrder = DateOrder.DayFirst,
        DecimalSeparator = ',',
    };

    private readonly FileFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Create_withoutMapping_refusesTheFranchiseHeader_namingTheMissingColumn()
    {
        var e = Assert.Throws<FileRefusedException>(() =>
            HeaderMap.Create("receipt_no;sku;qty;unit_price;sold_at;member_no;store_code".Split(';'), UploadKind.Transactions));

        Assert.Contains("Missing required columns: InvoiceDate", e.Message);
    }

    [Fact]
    public void Create_mappedHeader_standsForItsColumnOnly_andAliasesFillTheRest()
    {
        // "Date" is an alias of InvoiceDate, but the mapping gives it to nothing else; here sold_at is the sale's time.
        var mapping = new ColumnMapping { Columns = new Dictionary<string, string> { ["SOLD AT"] = "invoicedate", ["Date"] = "Description" } };
        var map = HeaderMap.Create(["receipt_no", "sku", "qty", "unit_price", "Date", "sold_at"], UploadKind.Transactions, mapping);

        Assert.Equal(5, map[FileSchemas.Transactions.InvoiceDate]);
        Assert.Equal(4, map[FileSchemas.Transactions.Description]);
        Assert.Equal(0, map[FileSchemas.Transactions.Invoice]);
    }

    [Fact]
    public void Read_franchiseFileWithItsMapping_readsDayFirstDatesDecimalCommasAndMembers()
    {
        var (reader, results) = _files.ReadText(FranchiseFile, new ReadOptions { Now = FileFixture.Now, Mapping = Franchise });

        Assert.Equal(UploadKind.Transactions, reader.Kind);
        Assert.Equal(DateOrder.DayFirst, reader.DateOrder);
        var rows = results.Select(r => (TransactionRow)r.Row!).ToList();
        Assert.Equal(new DateTime(2025, 7, 1, 8, 26, 0), rows[0].InvoicedAt);
        Assert.Equal(new DateTime(2025, 7, 3, 9, 2, 0), rows[1].InvoicedAt);
        Assert.Equal(2.55m, rows[0].UnitPrice);
        Assert.Equal(1234.50m, rows[1].UnitPrice);
        Assert.Equal("M-17850", rows[0].CustomerId);
        Assert.Null(rows[1].CustomerId);
        Assert.Equal("FR-02", rows[1].StoreCode);
    }

    [Fact]
    public void Read_statedDateOrder_isTheSourcesFact_aContradictingValueIsABadDate()
    {
        var (reader, results) = _files.ReadText("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,02/01/2025,1\n2,A,1,12/31/2024,1\n",
            new ReadOptions { Now = FileFixture.Now, Mapping = new ColumnMapping { DateOrder = DateOrder.DayFirst } });

        Assert.Equal(DateOrder.DayFirst, reader.DateOrder);
        Assert.Equal(new DateTime(2025, 1, 2), ((TransactionRow)results[0].Row!).InvoicedAt);
        Assert.Equal([RejectReasons.BadDate], results[1].Rejected!.Reasons);
    }

    [Fact]
    public void Read_decimalSeparatorOfTheSource_overridesTheFilesSeparator()
    {
        var commaFile = "Invoice\tStockCode\tQuantity\tInvoiceDate\tPrice\n1\tA\t1\t2025-07-01\t2,50\n";
        var withoutMapping = _files.ReadText(commaFile).Results.Single();
        var withMapping = _files.ReadText(commaFile, new ReadOptions { Now = FileFixture.Now, Mapping = new ColumnMapping { DecimalSeparator = ',' } })
            .Results.Single();

        Assert.Equal([RejectReasons.BadPrice], withoutMapping.Rejected!.Reasons);
        Assert.Equal(2.50m, ((TransactionRow)withMapping.Row!).UnitPrice);
    }

    [Fact]
    public void Read_defaultStoreOfTheSource_fillsLinesWithoutAStore()
    {
        var row = (TransactionRow)_files.ReadText("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01,2\n",
            new ReadOptions { Now = FileFixture.Now, Mapping = new ColumnMapping { DefaultStoreCode = "FR-09" } }).Results.Single().Row!;

        Assert.Equal("FR-09", row.StoreCode);
    }

    [Fact]
    public void Read_timeZone_keepsPlainTimesAsWritten_andBringsOffsetTimesToShopTime()
    {
        var file = "Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01 10:00:00,2\n2,A,1,2025-07-01T03:00:00Z,2\n3,A,1,2025-07-01T12:00:00+02:00,2\n";
        var rows = _files.ReadText(file, new ReadOptions { Now = FileFixture.Now, Mapping = new ColumnMapping { TimeZone = "Asia/Jakarta" } })
            .Results.Select(r => ((TransactionRow)r.Row!).InvoicedAt).ToList();

        Assert.Equal([new DateTime(2025, 7, 1, 10, 0, 0), new DateTime(2025, 7, 1, 10, 0, 0), new DateTime(2025, 7, 1, 17, 0, 0)], rows);
    }

    [Fact]
    public void Read_timeZone_futureStartsAtTheShopsNow()
    {
        // 12:00 UTC is 19:00 in Jakarta: a sale at 18:00 local on the same day is not in the future, one two days on is.
        var options = new ReadOptions { Now = FileFixture.Now, FutureTolerance = TimeSpan.Zero, Mapping = new ColumnMapping { TimeZone = "Asia/Jakarta" } };
        var results = _files.ReadText("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-08-01 18:00,2\n2,A,1,2025-08-01 20:00,2\n", options).Results;

        Assert.NotNull(results[0].Row);
        Assert.Equal([RejectReasons.FutureDate], results[1].Rejected!.Reasons);
    }

    [Fact]
    public void Canonical_acceptsAnySpelling_andRejectsUnknownNames()
    {
        Assert.Equal("InvoiceDate", ColumnMapping.Canonical("invoice_date"));
        Assert.Equal("Customer ID", ColumnMapping.Canonical("customerid"));
        Assert.Null(ColumnMapping.Canonical("Colour"));
    }

    [Fact]
    public void Run_sampleUnderAMapping_listsTheRowsTheLoadWouldReject_withReasons()
    {
        var path = _files.Write("franchise.csv", FranchiseFile + "R-1003;;2;abc;32/07/2025 10:00;;FR-01\n");
        var preview = FilePreview.Read(() => File.OpenRead(path), "franchise.csv", 20, new ReadOptions { Now = FileFixture.Now });
        var check = SampleCheck.Run(preview, UploadKind.Transactions, Franchise, new ReadOptions { Now = FileFixture.Now });
        var unmapped = SampleCheck.Run(preview, UploadKind.Transactions, new ColumnMapping(), new ReadOptions { Now = FileFixture.Now });

        Assert.Equal(';', preview.Separator);
        Assert.Equal(3, preview.Rows.Count);
        Assert.Equal(2, check.Accepted);
        var rejected = Assert.Single(check.Rejected);
        Assert.Equal(4, rejected.LineNumber);
        Assert.Equal([RejectReasons.MissingStockCode, RejectReasons.BadPrice, RejectReasons.BadDate], rejected.Reasons);
        Assert.Equal(["InvoiceDate"], unmapped.MissingColumns);
    }
}
