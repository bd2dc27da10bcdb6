using System.IO.Compression;
using System.Text;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Ingestion.Formats;

/// <summary>JSON and NDJSON files loaded by the real import into the real database, judged against the same sales as CSV.</summary>
[Trait("Tier", "database")]
public sealed class JsonLoadTests : IAsyncLifetime
{
    internal const string Facts = """
        SELECT string_agg(line, E'\n' ORDER BY line) FROM (
            SELECT concat_ws('|', f.invoice, p.stock_code, p.description, f.quantity, f.unit_price, f.invoiced_at, c.customer_code,
                             c.country, s.store_code, f.line_occurrence) AS line
            FROM fact_sales f JOIN dim_product p USING (product_id) JOIN dim_store s USING (store_id)
            LEFT JOIN dim_customer c USING (customer_id)) lines
        """;

    internal const string Refunds = """
        SELECT string_agg(line, E'\n' ORDER BY line) FROM (
            SELECT concat_ws('|', r.refund_code, p.stock_code, r.quantity, r.amount, c.customer_code, r.line_occurrence) AS line
            FROM refunds r JOIN dim_product p USING (product_id) LEFT JOIN dim_customer c USING (customer_id)) lines
        """;

    private readonly PipelineFixture _json = new();
    private readonly PipelineFixture _csv = new();

    public async Task InitializeAsync()
    {
        await _json.InitializeAsync();
        await _csv.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _json.DisposeAsync();
        await _csv.DisposeAsync();
    }

    internal sealed record Sale(string Invoice, string Code, string? Description, int Quantity, string At, decimal Price, string? Customer,
        string? Country, string Store);

    internal static readonly Sale[] Sales =
    [
        new("536365", "85123A", "WHITE HANGING HEART", 6, "2025-07-01 08:26:00", 2.55m, "17850", "United Kingdom", "S1"),
        new("536365", "71053", "WHITE METAL LANTERN", 6, "2025-07-01 08:26:00", 3.39m, "17850", "United Kingdom", "S1"),
        new("536366", "22633", "HAND WARMER UNION JACK", 1, "2025-07-01 08:28:00", 1.85m, null, null, "S2"),
        new("536366", "22633", "HAND WARMER UNION JACK", 1, "2025-07-01 08:28:00", 1.85m, null, null, "S2"),
        new("C536379", "D", "Discount", -1, "2025-07-01 09:41:00", 27.50m, "14527", "United Kingdom", "S1"),
        new("C536383", "35004C", "SET OF 3 COLOURED FLYING DUCKS", -1, "2025-07-01 09:49:00", 4.65m, "15311", "United Kingdom", "S2"),
        new("536384", "82484", "WOOD BLACK BOARD ANT WHITE FINISH", 1, "2025-07-01 09:53:00", 6.45m, "18074", "United Kingdom", "S3"),
    ];

    internal static string Csv() => "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n" + string.Concat(Sales.Select(s =>
        $"{s.Invoice},{s.Code},{s.Description},{s.Quantity},{s.At},{s.Price},{s.Customer},{s.Country},{s.Store}\n"));

    // The live-event field names; a one-item line gives only its amount, as a POS event does.
    private static string Event(Sale s) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["transaction_id"] = s.Invoice,
        ["product_id"] = s.Code,
        ["Description"] = s.Description,
        ["quantity"] = s.Quantity == 1 ? null : s.Quantity,
        ["unit_price"] = s.Quantity == 1 ? null : s.Price.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["amount"] = s.Quantity * s.Price,
        ["timestamp"] = s.At.Replace(' ', 'T'),
        ["customer_id"] = s.Customer,
        ["Country"] = s.Country,
        ["store_id"] = s.Store,
    });

    [Fact]
    public async Task Import_jsonArrayOfTheSalesOfACsv_givesTheSameFacts()
    {
        var json = _json.Write("sales.json", "[\n" + string.Join(",\n", Sales.Select(Event)) + "\n]\n");

        var fromJson = (await _json.ImportAsync(json)).Lines.Single();
        var fromCsv = (await _csv.ImportAsync(_csv.Write("sales.csv", Csv()))).Lines.Single();

        Assert.Equal("loaded", fromJson.GetProperty("status").GetString());
        Assert.Equal((7L, 0L), (fromJson.GetProperty("accepted").GetInt64(), fromJson.GetProperty("rejected").GetInt64()));
        Assert.Equal(fromCsv.GetProperty("accepted").GetInt64(), fromJson.GetProperty("accepted").GetInt64());
        var facts = await _csv.Database.ScalarAsync<string>(Facts);
        // concat_ws leaves out the sale's missing customer and country.
        Assert.Contains("536366|22633|HAND WARMER UNION JACK|1|1.850|2025-07-01 08:28:00|S2|2", facts);
        Assert.Equal(facts, await _json.Database.ScalarAsync<string>(Facts));
        Assert.Equal(await _csv.Database.ScalarAsync<string>(Refunds), await _json.Database.ScalarAsync<string>(Refunds));
        Assert.All((await _json.OrphanedFactsAsync()).Values, orphans => Assert.Equal(0L, orphans));
    }

    [Fact]
    public async Task Import_gzippedNdjsonWithBrokenRecords_keepsThemWithTheirReasonsInTheQualityReport()
    {
        var lines = Sales.Select(Event).ToList();
        lines.Insert(2, """{"transaction_id":"9","product_id":{"sku":"X"},"amount":1,"timestamp":"2025-07-01T10:00:00"}""");
        lines.Insert(4, """["9","X",1]""");
        var path = Path.Combine(_json.Folder, "sales.ndjson.gz");
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

        var line = (await _json.ImportAsync(path)).Lines.Single();

        Assert.Equal("loaded", line.GetProperty("status").GetString());
        Assert.Equal((7L, 2L), (line.GetProperty("accepted").GetInt64(), line.GetProperty("rejected").GetInt64()));
        Assert.Equal(1L, line.GetProperty("reasons").GetProperty("nested_value").GetInt64());
        Assert.Equal(1L, line.GetProperty("reasons").GetProperty("not_an_object").GetInt64());
        Assert.Equal("1", await _json.Database.ScalarAsync<string>("SELECT quality_report -> 'rejectedByReason' ->> 'nested_value' FROM uploads"));
        Assert.Equal("JSON lines", await _json.Database.ScalarAsync<string>("SELECT quality_report ->> 'format' FROM uploads"));
        Assert.Equal(lines[4], await _json.Database.ScalarAsync<string>("SELECT raw_text FROM rejected_rows WHERE line_number = 5"));
        Assert.Equal("not_an_object", await _json.Database.ScalarAsync<string>("SELECT reason_codes[1] FROM rejected_rows WHERE line_number = 5"));
        await _csv.ImportAsync(_csv.Write("sales.csv", Csv()));
        Assert.Equal(await _csv.Database.ScalarAsync<string>(Facts), await _json.Database.ScalarAsync<string>(Facts));
        Assert.Equal(await _csv.Database.ScalarAsync<string>(Refunds), await _json.Database.ScalarAsync<string>(Refunds));
    }
}
