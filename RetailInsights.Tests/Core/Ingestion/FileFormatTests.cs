using System.Text;
using RetailInsights.Core.Ingestion;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Ingestion;

/// <summary>Real-world files: separators, encodings, date forms, compression, and files that must be refused whole.</summary>
[Trait("Tier", "unit")]
public sealed class FileFormatTests : IDisposable
{
    private readonly FileFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Separator_isDetected(char separator)
    {
        var text = "Invoice,StockCode,Quantity,InvoiceDate,Price,StoreId\n1,A,2,2025-07-01 10:00,3,S1\n2,B,1,2025-07-01 11:00,4,S1\n"
            .Replace(',', separator);
        var (reader, results) = _files.ReadText(text);

        Assert.Equal(separator, reader.Separator);
        Assert.All(results, r => Assert.NotNull(r.Row));
        Assert.Equal("B", ((TransactionRow)results[1].Row!).StockCode);
    }

    [Fact]
    public void Semicolon_withDecimalComma_readsPricesAndDayFirstDates()
    {
        var (reader, results) = _files.ReadText("Invoice;StockCode;Quantity;InvoiceDate;Price\n1;A;2;13/02/2025 10:00;1.234,50\n2;B;1;03/02/2025 08:05;2,55\n");

        Assert.Equal(DateOrder.DayFirst, reader.DateOrder);
        var first = (TransactionRow)results[0].Row!;
        var second = (TransactionRow)results[1].Row!;
        Assert.Equal(1234.50m, first.UnitPrice);
        Assert.Equal(2.55m, second.UnitPrice);
        Assert.Equal(new DateTime(2025, 2, 3, 8, 5, 0), second.InvoicedAt);
    }

    [Fact]
    public void Dates_monthFirstProvenByData_andAmbiguousFileFollowsTheSetting()
    {
        var proven = _files.ReadText("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,12/31/2024 8:26,1\n2,A,1,1/2/2025 8:26,1\n");
        var ambiguousDefault = _files.ReadText("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,01/02/2025 08:26,1\n");
        var ambiguousDayFirst = _files.ReadText("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,01/02/2025 08:26,1\n",
            new ReadOptions { Now = FileFixture.Now, AmbiguousDateOrder = DateOrder.DayFirst });

        Assert.Equal(DateOrder.MonthFirst, proven.Reader.DateOrder);
        Assert.Equal(new DateTime(2025, 1, 2, 8, 26, 0), ((TransactionRow)proven.Results[1].Row!).InvoicedAt);
        Assert.Equal(new DateTime(2025, 1, 2, 8, 26, 0), ((TransactionRow)ambiguousDefault.Results[0].Row!).InvoicedAt);
        Assert.Equal(new DateTime(2025, 2, 1, 8, 26, 0), ((TransactionRow)ambiguousDayFirst.Results[0].Row!).InvoicedAt);
    }

    [Theory]
    [InlineData("2025-07-01 08:26:00")]
    [InlineData("2025-07-01 08:26")]
    [InlineData("2025-07-01T08:26:00")]
    [InlineData("7/1/2025 8:26")]
    public void Dates_isoAndSlashedForms_readTheSameInstant(string written)
    {
        var (_, results) = _files.ReadText($"Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,{written},1\n");
        Assert.Equal(new DateTime(2025, 7, 1, 8, 26, 0), ((TransactionRow)results[0].Row!).InvoicedAt);
    }

    [Fact]
    public void Utf8WithBom_andHeaderAliases_mapToTheCanonicalColumns()
    {
        var path = _files.Write("aliases.csv",
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n536365,85123A,CAFÉ £ MUG,6,12/1/2010 8:26,2.55,17850.0,United Kingdom\n",
            new UTF8Encoding(true));

        var (reader, results) = FileFixture.Read(path, new ReadOptions { Now = FileFixture.Now, DefaultStoreCode = "ONLINE" });

        Assert.Equal(UploadKind.Transactions, reader.Kind);
        var row = (TransactionRow)results.Single().Row!;
        Assert.Equal(("536365", "17850", "CAFÉ £ MUG", "ONLINE"), (row.Invoice, row.CustomerId, row.Description, row.StoreCode));
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), row.InvoicedAt);
    }

    [Fact]
    public void Latin1File_isDecodedNotRefused()
    {
        var path = _files.Write("latin1.csv", "Invoice,StockCode,Description,Quantity,InvoiceDate,Price\n1,A,PRICE £5,1,2025-07-01,5\n", Encoding.Latin1);

        var (reader, results) = FileFixture.Read(path);

        Assert.Equal("Latin-1", reader.EncodingName);
        Assert.Equal("PRICE £5", ((TransactionRow)results.Single().Row!).Description);
    }

    [Fact]
    public void GzipFile_isReadTransparently()
    {
        var path = _files.WriteGzip("day.csv.gz", "Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01,1\n2,B,2,2025-07-01,2\n");
        var (_, results) = FileFixture.Read(path);
        Assert.Equal(2, results.Count(r => r.Row is not null));
    }

    [Fact]
    public void QuotedFields_withSeparatorsQuotesAndNewlines_keepPhysicalLineNumbers()
    {
        var (_, results) = _files.ReadText(
            "Invoice,StockCode,Description,Quantity,InvoiceDate,Price\n1,A,\"TEA, \"\"BEST\"\"\nSET\",1,2025-07-01,1\n2,B,plain,0,2025-07-01,1\n");

        Assert.Equal("TEA, \"BEST\"\nSET", ((TransactionRow)results[0].Row!).Description);
        Assert.Equal(4, results[1].Rejected!.LineNumber);
    }

    [Fact]
    public void HeaderOnly_readsNoRows()
    {
        var (reader, results) = _files.ReadText("Invoice,StockCode,Quantity,InvoiceDate,Price\n");
        Assert.Empty(results);
        Assert.Equal(0, reader.Statistics.RowsRead);
    }

    [Fact]
    public void UnmappableHeader_isRefusedNamingMissingAndFoundColumns()
    {
        var error = Assert.Throws<FileRefusedException>(() => _files.ReadText("Foo,Bar,Quantity\n1,2,3\n",
            new ReadOptions { Now = FileFixture.Now, Kind = UploadKind.Transactions }));

        Assert.Contains("Missing required columns: Invoice, StockCode, InvoiceDate, Price.", error.Message);
        Assert.Contains("Found: Foo, Bar, Quantity.", error.Message);
    }

    [Theory]
    [InlineData(new byte[0], "empty (0 bytes)")]
    [InlineData(new byte[] { 13, 10, 32, 10 }, "no data")]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4, 20, 0, 0, 0 }, "ZIP archive")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 }, "binary")]
    public void UnreadableFiles_areRefusedWhole(byte[] content, string expected)
    {
        var path = _files.WriteBytes("bad.csv", content);
        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(path));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void OverlongLine_isRefusedNotBufferedForever()
    {
        var text = "Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01,1\n2,\"" + new string('x', 300_000);
        var path = _files.Write("hostile.csv", text);

        var error = Assert.Throws<FileRefusedException>(() => FileFixture.Read(path, new ReadOptions { Now = FileFixture.Now, MaxRecordBytes = 64 * 1024 }));
        Assert.Contains("unclosed quote", error.Message);
    }
}
