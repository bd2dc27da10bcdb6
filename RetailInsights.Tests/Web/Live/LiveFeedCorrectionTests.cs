using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Ingestion;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Security;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Ingestion.Loading;
using RetailInsights.Web.Live;
using RetailInsights.Web.Warehouse;
using static RetailInsights.Tests.Support.LiveEvents;

namespace RetailInsights.Tests.Web.Live;

/// <summary>
/// A live feed is not a file: the API, the import command, the intake and the load all refuse a file declared to
/// replace one, saying why, and nothing changes. Live data is corrected by an admin voiding a store-day: its live rows
/// go, the summaries equal a rebuild, the audit log says who, why and how much, and the tills may send the events again.
/// </summary>
[Trait("Tier", "database")]
public sealed class LiveFeedCorrectionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow.AddMinutes(-2);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    private Task<long> CountAsync(string sql) => fixture.Database.ScalarAsync<long>(sql);

    private static ClaimsPrincipal As(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, $"{role.ToLowerInvariant()}@test.local"), new Claim(ClaimTypes.Role, role)], "test"));

    private static JsonObject SaleAt(string id, string store, decimal amount, string invoice) => new()
    {
        ["transaction_id"] = id, ["invoice"] = invoice, ["product_id"] = "VOID-P", ["store_id"] = store, ["customer_id"] = "VOID-K",
        ["amount"] = amount, ["timestamp"] = Now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    private static JsonObject RefundAt(string id, string store, string saleId) => new()
    {
        ["refund_id"] = id, ["original_transaction_id"] = saleId, ["product_id"] = "VOID-P", ["store_id"] = store, ["refund_amount"] = 1,
        ["reason"] = "defective", ["timestamp"] = Now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    /// <summary>A source's feed holding two live sales; its upload id.</summary>
    private async Task<(long Feed, string Source)> FeedAsync()
    {
        var source = Unique("feed").ToLowerInvariant();
        var client = await ClientAsync(fixture.App);
        var (status, _) = await PostAsync(client, "transactions", [SaleAt(Unique("T"), "S1", 5m, Unique("I")), SaleAt(Unique("T"), "S1", 6m, Unique("I"))],
            source);
        Assert.Equal(200, status);
        return (await CountAsync($"SELECT upload_id FROM uploads WHERE kind = 'events' AND retailer_code = '{source}'"), source);
    }

    /// <summary>Everything a replacement could have changed: the uploads, the feed's rows and status, the summaries.</summary>
    private async Task<string> StateAsync(long feed) => string.Join("|",
        await CountAsync("SELECT count(*) FROM uploads"), await CountAsync($"SELECT count(*) FROM fact_sales WHERE upload_id = {feed}"),
        await fixture.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {feed}"), await SummariesAsync());

    private async Task<string> SummariesAsync() => string.Join("\n\n", await Task.WhenAll(SummaryTables.All.Select(table =>
        fixture.Database.ScalarAsync<string>($"SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM {table} t"))));

    private string WriteFile(string content)
    {
        var path = Path.Combine(fixture.App.StagingFolder, "..", $"fix-{Guid.NewGuid():N}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private string FixFile() => WriteFile("Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID,StoreId\n" +
        $"{Unique("FIX")},VOID-P,1,{Now:yyyy-MM-dd HH:mm:ss},1.00,VOID-K,S1\n");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.RunAsync(args, output, error, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = fixture.Database.ConnectionString, ["Ingestion:StagingPath"] = fixture.App.StagingFolder,
        }).Build());
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ReplacingAFeed_throughTheApi_isRefusedSayingWhy_andNothingChanges()
    {
        var (feed, _) = await FeedAsync();
        var before = await StateAsync(feed);
        var client = await ClientAsync(fixture.App);

        using var response = await client.PostAsync("/api/uploads", UploadApiRequests.Form(Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(FixFile())),
            "text/csv", "fix.csv", ("replaces", feed.ToString(CultureInfo.InvariantCulture)), ("confirm", "true")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("replaces", body.GetProperty("field").GetString());
        Assert.StartsWith($"Upload #{feed} is a live feed", body.GetProperty("error").GetString());
        Assert.Equal(before, await StateAsync(feed));
    }

    [Fact]
    public async Task ReplacingAFeed_withTheImportCommand_isRefusedSayingWhy_andNothingChanges()
    {
        var (feed, _) = await FeedAsync();
        var before = await StateAsync(feed);

        var (exit, output, error) = await RunAsync("import", FixFile(), "--replaces", feed.ToString(CultureInfo.InvariantCulture), "--confirm");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"Upload #{feed} is a live feed", error);
        Assert.Contains("void-events", error);
        Assert.Equal(before, await StateAsync(feed));
    }

    [Fact]
    public async Task AFileDeclaredToReplaceAFeed_isRefusedByTheIntake_andByItsLoad_andNothingChanges()
    {
        var (feed, source) = await FeedAsync();
        var before = await StateAsync(feed);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<UploadIntake>();
        var file = FixFile();

        var refused = await Assert.ThrowsAsync<IntakeRequestException>(async () =>
        {
            await using var stream = File.OpenRead(file);
            await intake.AcceptAsync(stream, new IntakeRequest("fix.csv", "manager@test.local", RetailerCode: source, ReplacesUploadId: feed,
                ReplaceConfirmed: true), null, enqueue: false, CancellationToken.None);
        });
        Assert.Equal("replaces", refused.Problem.Field);
        Assert.Equal(before, await StateAsync(feed));

        // An upload queued to replace the feed some other way (an older version, a hand-made row) is refused by its load.
        var staged = Path.Combine(fixture.App.StagingFolder, $"{Guid.NewGuid():N}.csv");
        Directory.CreateDirectory(fixture.App.StagingFolder);
        File.Copy(file, staged);
        var queued = await scope.ServiceProvider.GetRequiredService<UploadsTable>().TryInsertQueuedAsync(new NewUpload("fix.csv", new FileInfo(staged).Length,
            Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), staged, "manager@test.local", null, null, null, source,
            ReplacesUploadId: feed, ReplaceConfirmed: true), CancellationToken.None);
        var outcome = await scope.ServiceProvider.GetRequiredService<UploadLoader>().LoadAsync(queued!.Value, CancellationToken.None);

        Assert.Equal("refused", outcome.Status);
        Assert.StartsWith($"Upload #{feed} is a live feed", await fixture.Database.ScalarAsync<string>($"SELECT error_text FROM uploads WHERE upload_id = {queued}"));
        Assert.Equal(before.Split('|', 2)[1], (await StateAsync(feed)).Split('|', 2)[1]);
    }

    [Fact]
    public async Task VoidingAStoreDay_removesItsLiveRowsOnly_summariesEqualARebuild_itIsAudited_andTheTillsMaySendAgain()
    {
        var (store, other) = (Unique("VS"), Unique("VO"));
        var client = await ClientAsync(fixture.App);
        var invoice = Unique("I");
        var sales = Enumerable.Range(0, 5).Select(i => SaleAt($"{store}-T{i}", store, 2 + i, i < 3 ? invoice : $"{invoice}-2")).ToList();
        Assert.Equal(5, (await PostAsync(client, "transactions", sales.Select(s => s.DeepClone()))).Body.Accepted);
        Assert.Equal(1, (await PostAsync(client, "refunds", [RefundAt($"{store}-R0", store, $"{store}-T0")])).Body.Accepted);
        Assert.Equal(1, (await PostAsync(client, "transactions", [SaleAt($"{other}-T0", other, 9m, Unique("I"))])).Body.Accepted);
        var fileInvoice = Unique("FILE");
        Assert.Equal(0, (await RunAsync("import", WriteFile("Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID,StoreId\n" +
            $"{fileInvoice},VOID-P,1,{Now:yyyy-MM-dd HH:mm:ss},4.00,VOID-K,{store}\n"))).Exit);
        Assert.True(await CountAsync($"SELECT count(*) FROM live_minutes JOIN dim_store USING (store_id) WHERE store_code = '{store}'") > 0);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var voids = scope.ServiceProvider.GetRequiredService<StoreDayVoids>();

        var voided = await voids.VoidAsync(As(Roles.Admin), store, Today, "  the till's clock was a day off  ", CancellationToken.None);

        Assert.Equal((5L, 1L, 6L), (voided.Sales, voided.Refunds, voided.EventIds));
        Assert.Equal([fileInvoice], await fixture.Database.TextsAsync(
            $"SELECT invoice FROM fact_sales JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM refunds JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM live_events JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM live_minutes JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM live_store_minutes JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM fact_sales JOIN dim_store USING (store_id) WHERE store_code = '{other}'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM live_events JOIN dim_store USING (store_id) WHERE store_code = '{other}'"));
        Assert.Equal(4m, await fixture.Database.ScalarAsync<decimal>(
            $"SELECT sum(gross) FROM agg_store_daily JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
        var summaries = await SummariesAsync();
        await fixture.Database.ExecuteAsync(string.Join(";\n", RebuildSummarySql.All));
        Assert.Equal(summaries, await SummariesAsync());
        Assert.Equal([$"admin@test.local|live_events.voided|store {store} on {Today:yyyy-MM-dd}|the till's clock was a day off — voided 5 sales lines, 1 refunds, 6 event ids"],
            await fixture.Database.TextsAsync($"SELECT concat_ws('|', actor, action, target, detail) FROM audit_log WHERE target LIKE 'store {store} %'"));

        var again = await PostAsync(client, "transactions", sales.Select(s => s.DeepClone()));
        var refundAgain = await PostAsync(client, "refunds", [RefundAt($"{store}-R0", store, $"{store}-T0")]);

        Assert.Equal((200, 5, 0), (again.Status, again.Body.Accepted, again.Body.Duplicates));
        Assert.Equal((200, 1, 0), (refundAgain.Status, refundAgain.Body.Accepted, refundAgain.Body.Duplicates));
        Assert.Equal(6L, await CountAsync($"SELECT count(*) FROM fact_sales JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
    }

    [Fact]
    public async Task ANonAdmin_cannotVoid_andNothingChanges()
    {
        var store = Unique("VN");
        var client = await ClientAsync(fixture.App);
        Assert.Equal(1, (await PostAsync(client, "transactions", [SaleAt($"{store}-T0", store, 3m, Unique("I"))])).Body.Accepted);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var voids = scope.ServiceProvider.GetRequiredService<StoreDayVoids>();

        foreach (var role in new[] { Roles.Manager, Roles.Marketing })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => voids.VoidAsync(As(role), store, Today, "mine", CancellationToken.None));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => voids.PreviewAsync(As(role), store, Today, CancellationToken.None));
        }

        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM fact_sales JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM live_events JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM audit_log WHERE target LIKE 'store {store} %'"));
    }

    [Fact]
    public async Task TheVoidEventsCommand_voidsAStoreDay_andRefusesWhatItCannot()
    {
        var store = Unique("VC");
        var client = await ClientAsync(fixture.App);
        Assert.Equal(2, (await PostAsync(client, "transactions", [SaleAt($"{store}-T0", store, 3m, Unique("I")), SaleAt($"{store}-T1", store, 4m, Unique("I"))]))
            .Body.Accepted);
        var day = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var noReason = await RunAsync("void-events", "--store", store, "--day", day);
        var unknown = await RunAsync("void-events", "--store", "NO-SUCH-STORE", "--day", day, "--reason", "test");
        var done = await RunAsync("void-events", "--store", store, "--day", day, "--reason", "test run");
        var twice = await RunAsync("void-events", "--store", store, "--day", day, "--reason", "test run");

        Assert.Equal(2, noReason.Exit);
        Assert.Equal((1, "void-events: refused: There is no store 'NO-SUCH-STORE'."), (unknown.Exit, unknown.Error.Trim()));
        Assert.Equal((0, $"Voided 2 live sales lines, 0 live refunds and 2 event ids of store {store} on {day}. The tills may send those events again."),
            (done.Exit, done.Output.Trim()));
        Assert.Equal(0, twice.Exit);
        Assert.Contains("nothing changed", twice.Output);
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM fact_sales JOIN dim_store USING (store_id) WHERE store_code = '{store}'"));
        Assert.Equal(["void-events command"], (await fixture.Database.TextsAsync(
            $"SELECT split_part(actor, ' (', 1) FROM audit_log WHERE target LIKE 'store {store} %'")));
    }
}
