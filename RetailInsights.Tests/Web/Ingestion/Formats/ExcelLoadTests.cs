using RetailInsights.Tests.Support;
using static RetailInsights.Tests.Web.Ingestion.Formats.JsonLoadTests;

namespace RetailInsights.Tests.Web.Ingestion.Formats;

/// <summary>An Excel workbook loaded by the real import into the real database, judged against the same sales as CSV.</summary>
[Trait("Tier", "database")]
public sealed class ExcelLoadTests : IAsyncLifetime
{
    private readonly PipelineFixture _excel = new();
    private readonly PipelineFixture _csv = new();

    public async Task InitializeAsync()
    {
        await _excel.InitializeAsync();
        await _csv.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _excel.DisposeAsync();
        await _csv.DisposeAsync();
    }

    // As a spreadsheet holds them: numeric invoices and customers as numbers, every other quantity typed as text,
    // dates as serial numbers, a blank row, and the sheet's total at the bottom.
    private static IEnumerable<object?[]> Rows()
    {
        yield return ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country", "StoreId"];
        var i = 0;
        foreach (var s in Sales)
        {
            if (i == 3)
                yield return new object?[9];
            yield return
            [
                int.TryParse(s.Invoice, out var number) ? number : s.Invoice, s.Code, s.Description,
                i++ % 2 == 0 ? s.Quantity : new TextCell(s.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                DateTime.Parse(s.At, System.Globalization.CultureInfo.InvariantCulture), (double)s.Price,
                s.Customer is null ? null : int.Parse(s.Customer, System.Globalization.CultureInfo.InvariantCulture), s.Country, s.Store,
            ];
        }
        yield return ["Total", null, null, Sales.Sum(s => s.Quantity), null, null, null, null, null];
    }

    [Fact]
    public async Task Import_workbookOfTheSalesOfACsv_givesTheSameFacts_andReportsTheTotalRow()
    {
        var path = Path.Combine(_excel.Folder, "sales.xlsx");
        XlsxWriter.Write(path, ("July", Rows()));

        var fromExcel = (await _excel.ImportAsync(path)).Lines.Single();
        var fromCsv = (await _csv.ImportAsync(_csv.Write("sales.csv", Csv()))).Lines.Single();

        Assert.Equal("loaded", fromExcel.GetProperty("status").GetString());
        Assert.Equal(fromCsv.GetProperty("accepted").GetInt64(), fromExcel.GetProperty("accepted").GetInt64());
        Assert.Equal(1L, fromExcel.GetProperty("rejected").GetInt64());
        Assert.Equal(1L, fromExcel.GetProperty("reasons").GetProperty("total_row").GetInt64());
        Assert.Equal("Excel, sheet 'July'", await _excel.Database.ScalarAsync<string>("SELECT quality_report ->> 'format' FROM uploads"));
        Assert.Equal("total_row", await _excel.Database.ScalarAsync<string>("SELECT reason_codes[1] FROM rejected_rows WHERE line_number = 10"));
        Assert.Equal(await _csv.Database.ScalarAsync<string>(Facts), await _excel.Database.ScalarAsync<string>(Facts));
        Assert.Equal(await _csv.Database.ScalarAsync<string>(Refunds), await _excel.Database.ScalarAsync<string>(Refunds));
        Assert.All((await _excel.OrphanedFactsAsync()).Values, orphans => Assert.Equal(0L, orphans));
    }
}
