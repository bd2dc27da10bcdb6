using System.Globalization;
using Microsoft.Extensions.Configuration;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RetailInsights.Core.Ingestion;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Warehouse;
using static RetailInsights.Tests.Support.LiveEvents;

namespace RetailInsights.Tests.Web.Live;

/// <summary>
/// The live event API end to end, on the real app and database: validation with the file rules, partial acceptance,
/// retries that change nothing, events and files that count once, lateness, refunds linked to their sale, posters side
/// by side.
/// </summary>
[Trait("Tier", "database")]
public sealed class EventApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private Task<long> CountAsync(string sql) => fixture.Database.ScalarAsync<long>(sql);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task ABatchWithBadEvents_acceptsTheRest_andNamesEachRejectionWithTheFileRules()
    {
        var client = await ClientAsync(fixture.App);
        var good = Unique("T");
        var events = new JsonNode?[]
        {
            Sale(good, 10m),
            new JsonObject { ["product_id"] = "P1", ["store_id"] = "S1", ["amount"] = 5, ["timestamp"] = DateTime.UtcNow.ToString("O") },
            Sale(Unique("T"), -3m),
            JsonValue.Create("not an event"),
            new JsonObject { ["transaction_id"] = Unique("T"), ["product_id"] = "P1", ["store_id"] = "S1", ["quantity"] = 2,
                ["unit_price"] = 3, ["amount"] = 7, ["timestamp"] = DateTime.UtcNow.ToString("O") },
            Sale(Unique("T"), 4m, minutesAgo: -3 * 24 * 60),
        };

        var (status, body) = await PostAsync(client, "transactions", events);

        Assert.Equal(207, status);
        Assert.Equal((6, 1), (body.Received, body.Accepted));
        Assert.Equal([1, 2, 3, 4, 5], body.Rejected.Select(r => r.Index));
        Assert.Contains(RejectReasons.MissingEventId, body.Rejected[0].Reasons);
        Assert.Contains(RejectReasons.NegativePrice, body.Rejected[1].Reasons);
        Assert.Equal([RejectReasons.NotAnObject], body.Rejected[2].Reasons);
        Assert.Equal([RejectReasons.LineAmountMismatch], body.Rejected[3].Reasons);
        Assert.Equal([RejectReasons.FutureDate], body.Rejected[4].Reasons);
        Assert.All(body.Rejected, r => Assert.All(r.Messages, m => Assert.EndsWith(".", m)));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM fact_sales WHERE invoice = '{good}'"));
    }

    [Fact]
    public async Task TheSameBatchTwice_theSecondChangesNothing()
    {
        var client = await ClientAsync(fixture.App);
        var batch = Enumerable.Range(0, 30).Select(i => (JsonNode?)Sale(Unique($"R{i}"), 1 + i)).ToList();

        var first = await PostAsync(client, "transactions", batch.Select(e => e!.DeepClone()));
        var second = await PostAsync(client, "transactions", batch.Select(e => e!.DeepClone()));

        Assert.Equal((200, 30, 0), (first.Status, first.Body.Accepted, first.Body.Duplicates));
        Assert.Equal((200, 0, 30), (second.Status, second.Body.Accepted, second.Body.Duplicates));
        var ids = string.Join(",", batch.Select(e => $"'{e!["transaction_id"]}'"));
        Assert.Equal(30L, await CountAsync($"SELECT count(*) FROM fact_sales WHERE invoice IN ({ids})"));
    }

    [Fact]
    public async Task ASaleSentAsAnEvent_andAgainInTheStoresFile_countsOnce()
    {
        var client = await ClientAsync(fixture.App);
        var invoice = Unique("INV");
        var at = DateTime.UtcNow.AddMinutes(-1);
        var stamp = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var sale = new JsonObject { ["transaction_id"] = invoice + "-1", ["invoice"] = invoice, ["product_id"] = "SOAP", ["store_id"] = "S1",
            ["customer_id"] = "K7", ["quantity"] = 2, ["unit_price"] = 1.5, ["amount"] = 3, ["timestamp"] = stamp };
        var posted = await PostAsync(client, "transactions", [sale]);
        var file = Path.Combine(fixture.App.StagingFolder, "..", $"{invoice}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID,StoreId\n" +
            $"{invoice},SOAP,2,{at:yyyy-MM-dd HH:mm:ss},1.50,K7,S1\n{invoice},TOWEL,1,{at:yyyy-MM-dd HH:mm:ss},4.00,K7,S1\n");

        var import = await RetailInsights.Web.Composition.CommandLine.RunAsync(["import", file, "--retailer", "pos"],
            TextWriter.Null, TextWriter.Null, new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["ConnectionStrings:RetailInsights"] = fixture.Database.ConnectionString,
                    ["Ingestion:StagingPath"] = fixture.App.StagingFolder }).Build());

        Assert.Equal(1, posted.Body.Accepted);
        Assert.Equal(0, import);
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM fact_sales WHERE invoice = '{invoice}'"));
        Assert.Equal(1L, await CountAsync($"SELECT rows_duplicate FROM uploads WHERE file_name = '{invoice}.csv'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM agg_invoices WHERE invoice = '{invoice}'"));
        Assert.Equal(2L, await CountAsync($"SELECT lines FROM agg_invoices WHERE invoice = '{invoice}'"));
    }

    [Fact]
    public async Task LateEvents_countInTheirDay_butOnlyTimelyOnesUpdateTheirMinute()
    {
        var client = await ClientAsync(fixture.App);
        var timely = Sale(Unique("ON"), 100m, product: "TIMELY", minutesAgo: 3);
        var late = Sale(Unique("LATE"), 200m, product: "TARDY", minutesAgo: 20);

        var (_, body) = await PostAsync(client, "transactions", [timely, late]);

        Assert.Equal((2, 1), (body.Accepted, body.Late));
        Assert.Equal(100m, await fixture.Database.ScalarAsync<decimal>(
            "SELECT coalesce(sum(revenue), 0) FROM live_minutes JOIN dim_product USING (product_id) WHERE stock_code = 'TIMELY'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM live_minutes JOIN dim_product USING (product_id) WHERE stock_code = 'TARDY'"));
        Assert.Equal(200m, await fixture.Database.ScalarAsync<decimal>(
            "SELECT sum(gross) FROM agg_sales_daily JOIN dim_product USING (product_id) WHERE stock_code = 'TARDY'"));
        Assert.True(await fixture.Database.ScalarAsync<bool>($"SELECT is_late FROM live_events WHERE event_id = '{late["transaction_id"]}'"));
    }

    [Fact]
    public async Task ARefund_isLinkedToItsTransactionsInvoice()
    {
        var client = await ClientAsync(fixture.App);
        var invoice = Unique("BASKET");
        var saleId = invoice + "-2";
        await PostAsync(client, "transactions", [Sale(saleId, 30m, invoice: invoice)]);
        var refund = new JsonObject { ["refund_id"] = Unique("RF"), ["original_transaction_id"] = saleId, ["product_id"] = "P1",
            ["store_id"] = "S1", ["customer_id"] = "K1", ["refund_amount"] = 30, ["reason"] = "defective",
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ") };
        var badReason = new JsonObject { ["refund_id"] = Unique("RF"), ["original_transaction_id"] = saleId, ["product_id"] = "P1",
            ["store_id"] = "S1", ["refund_amount"] = 1, ["reason"] = "lost_in_space", ["timestamp"] = DateTime.UtcNow.ToString("O") };

        var (status, body) = await PostAsync(client, "refunds", [refund, badReason]);

        Assert.Equal((207, 1), (status, body.Accepted));
        Assert.Equal([RejectReasons.BadReason], body.Rejected.Single().Reasons);
        Assert.Equal(invoice, await fixture.Database.ScalarAsync<string>($"SELECT original_invoice FROM refunds WHERE refund_code = '{refund["refund_id"]}'"));
        Assert.Equal(30m, await fixture.Database.ScalarAsync<decimal>(
            $"SELECT amount FROM agg_refunds_daily a JOIN dim_product p USING (product_id) WHERE p.stock_code = 'P1' AND a.reason = 'defective'"
            + $" AND a.date_key = {DateTime.UtcNow:yyyyMMdd}"));
    }

    [Fact]
    public async Task PostersSideBySide_withRetries_neverLoseOrDoubleAnEvent()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ClientAsync(fixture.App)));
        var prefix = Unique("CC");
        var acknowledged = 0L;
        await Task.WhenAll(clients.Select((client, poster) => Task.Run(async () =>
        {
            for (var batch = 0; batch < 10; batch++)
            {
                // Every batch is sent twice, as a POS retries after a timeout; neighbouring posters share some events.
                var events = Enumerable.Range(0, 40).Select(i => (JsonNode?)Sale($"{prefix}-{(poster * 10 + batch) * 30 + i}", 1 + i % 7,
                    product: $"P{i % 5}", customer: $"K{i % 11}")).ToList();
                foreach (var attempt in new[] { 0, 1 })
                {
                    var (_, body) = await PostAsync(client, "transactions", events.Select(e => e!.DeepClone()));
                    Interlocked.Add(ref acknowledged, body.Accepted);
                }
            }
        })));

        var distinct = await CountAsync($"SELECT count(*) FROM live_events WHERE event_id LIKE '{prefix}-%'");
        Assert.Equal(distinct, acknowledged);
        Assert.Equal(distinct, await CountAsync($"SELECT count(*) FROM fact_sales WHERE invoice LIKE '{prefix}-%'"));
        Assert.Equal(distinct, await CountAsync($"SELECT sum(lines)::bigint FROM agg_invoices WHERE invoice LIKE '{prefix}-%'"));
    }

    [Fact]
    public async Task ANewSourcesFirstBatchesSideBySide_allLand_inOneFeed()
    {
        // Found by the events benchmark: the first batches of a new source system raced to make its feed upload.
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ClientAsync(fixture.App)));
        var source = $"pos{Guid.NewGuid():N}"[..12];

        var answers = await Task.WhenAll(clients.Select((client, poster) =>
            PostAsync(client, poster % 2 == 0 ? "transactions" : "refunds",
                [poster % 2 == 0 ? Sale(Unique("NS"), 5m) : Refund(Unique("NR"))], source)));

        Assert.All(answers, answer => Assert.Equal((200, 1), (answer.Status, answer.Body.Accepted)));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM uploads WHERE kind = 'events' AND retailer_code = '{source}'"));

        static JsonObject Refund(string id) => new()
        {
            ["refund_id"] = id, ["original_transaction_id"] = id + "-sale", ["product_id"] = "P1", ["store_id"] = "S1", ["refund_amount"] = 2,
            ["reason"] = "defective",
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        };
    }

    [Fact]
    public async Task NotAnArray_orTooMany_isABadRequest()
    {
        var client = await ClientAsync(fixture.App);

        var notArray = await client.PostAsJsonAsync("/api/events/transactions", Sale("X1"));
        var tooMany = await PostRawAsync(client, new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode?)Sale($"M{i}"))]));

        Assert.Equal(HttpStatusCode.BadRequest, notArray.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 1,000", await tooMany.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutAKey_isUnauthorized()
    {
        var anonymous = SignedInClient.Anonymous(fixture.App);

        var response = await anonymous.PostAsJsonAsync("/api/events/transactions", new JsonArray(Sale("A1")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SummariesAfterEvents_equalARebuildFromTheFacts()
    {
        var client = await ClientAsync(fixture.App);
        await PostAsync(client, "transactions", Enumerable.Range(0, 25).Select(i => (JsonNode?)Sale(Unique("SUM"), 2 + i, product: $"Q{i % 4}",
            invoice: $"SUMINV-{i / 3}", customer: $"C{i % 6}")));
        var before = await SnapshotAsync();

        await fixture.Database.ExecuteAsync(string.Join(";\n", RebuildStatements()));

        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<string> SnapshotAsync() => string.Join("\n\n", await Task.WhenAll(SummaryTables.All.Select(table =>
        fixture.Database.ScalarAsync<string>($"SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM {table} t"))));

    private static IEnumerable<string> RebuildStatements() => RebuildSummarySql.All;

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, JsonArray events) =>
        client.PostAsJsonAsync("/api/events/transactions", events);
}
