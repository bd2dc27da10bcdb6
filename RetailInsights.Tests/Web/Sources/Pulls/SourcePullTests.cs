using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Sources;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Tests.Web.Sources.Pulls;

/// <summary>
/// Pulls from a retailer API served on loopback (real HTTP) into the real database through the real intake and loader:
/// credentials, paging, retries, a failure in the middle and the cursor that resumes after it without doubling.
/// </summary>
[Trait("Tier", "database")]
public sealed class SourcePullTests : IAsyncLifetime
{
    private PullContext _context = null!;

    public async Task InitializeAsync()
    {
        _context = await PullContext.StartAsync();
        await _context.SaveSourceAsync();
        _context.AddSevenSales();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private RetailerApi Api => _context.Api;

    private Task<long> CountAsync(string sql) => _context.Pipeline.Database.ScalarAsync<long>(sql);

    private static IEnumerable<string> Sorted(IEnumerable<string> lines) => lines.Order(StringComparer.Ordinal);

    [Theory]
    [InlineData(EndpointAuth.ApiKey)]
    [InlineData(EndpointAuth.Bearer)]
    [InlineData(EndpointAuth.Basic)]
    public async Task Pull_withEachAuthMethod_isRefusedWithoutTheCredentials_andLoadsWithThem(string auth)
    {
        Api.Auth = auth;
        using (var plain = new HttpClient())
            Assert.Equal(HttpStatusCode.Unauthorized, (await plain.GetAsync(Api.BaseUrl + "?page=1&per_page=2")).StatusCode);
        (string? Header, string? User, string Secret) credentials = auth switch
        {
            EndpointAuth.ApiKey => (RetailerApi.KeyHeader, null, RetailerApi.Key),
            EndpointAuth.Bearer => (null, null, RetailerApi.Token),
            _ => (null, RetailerApi.User, RetailerApi.Password),
        };
        var (header, user, secret) = credentials;

        await _context.SaveEndpointAsync(new EndpointChange { Auth = auth, AuthHeader = header, AuthUser = user, Secret = "not-" + secret });
        var refused = await _context.PullAsync();

        Assert.Equal(PullStatuses.Failed, refused.Status);
        Assert.Contains("the API refused the credentials (401 Unauthorized)", refused.Message);
        Assert.Equal(2, Api.Unauthorized);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM uploads"));
        Assert.True((await _context.EndpointAsync()).IsFailing);

        await _context.SaveEndpointAsync(new EndpointChange { Auth = auth, AuthHeader = header, AuthUser = user, Secret = secret });
        var pulled = await _context.PullAsync();

        Assert.Equal((PullStatuses.Loaded, 7, 7L), (pulled.Status, pulled.Records, pulled.Accepted));
        Assert.Equal(Sorted(PullContext.SevenFacts), Sorted(await _context.FactsAsync()));
        Assert.False((await _context.EndpointAsync()).IsFailing);
    }

    [Fact]
    public async Task Pull_overFourPages_loadsEveryRecordOnce_asOneUploadWithTheUsualReport()
    {
        await _context.SaveEndpointAsync();

        var outcome = await _context.PullAsync();

        Assert.Equal((PullStatuses.Loaded, 4, 7), (outcome.Status, outcome.Pages, outcome.Records));
        Assert.Equal([1, 2, 3, 4], Api.PagesServed);
        Assert.Equal(Sorted(PullContext.SevenFacts), Sorted(await _context.FactsAsync()));
        var upload = (await _context.ListAsync("""
            SELECT status || '|' || retailer_code || '|' || mapping_version || '|' || rows_read || '|' || rows_accepted || '|' ||
                   rows_duplicate || '|' || uploaded_by || '|' || (file_name LIKE 'market-pull-%.ndjson') || '|' ||
                   (quality_report->>'format') || '|' || (quality_report->>'rowsAccepted')
            FROM uploads
            """)).Single();
        Assert.Equal($"loaded|market|1|7|7|0|pull ({Api.BaseUrl})|true|JSON lines|7", upload);
        var endpoint = await _context.EndpointAsync();
        Assert.Equal(("2025-07-04T10:25:00Z", 7, outcome.UploadId), (endpoint.Cursor, endpoint.LastRecords, endpoint.LastUploadId));
        Assert.NotNull(endpoint.LastSuccessAt);
    }

    [Fact]
    public async Task JsonApiSource_readWithItsMapping_givesTheSameFactsAsTheSameSalesInTheStandardLayout()
    {
        var csv = "Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID,StoreId\n" + string.Concat(Api.Records.Select(r => FormattableString.Invariant(
            $"{r["receipt_no"]},{r["sku"]},{r["qty"]},{((string)r["sold_at"]!).Replace('T', ' ')},{r["unit_price"]},{r["member_no"]},{r["store_code"]}\n")));
        var standard = await _context.Pipeline.ImportAsync(_context.Pipeline.Write("standard.csv", csv), "--retailer", "standard");
        Assert.Equal("loaded", standard.Lines[0].GetProperty("status").GetString());
        await _context.SaveEndpointAsync();

        Assert.Equal(PullStatuses.Loaded, (await _context.PullAsync()).Status);

        var expected = await _context.FactsAsync("standard");
        Assert.Equal(7, expected.Count);
        Assert.Equal(expected, await _context.FactsAsync());
        Assert.All(await _context.Pipeline.OrphanedFactsAsync(), o => Assert.Equal(0L, o.Value));
    }

    [Fact]
    public async Task Pull_thatFailsOnItsThirdPage_keepsTheWholePagesBefore_showsFailing_andTheNextPullResumesWithoutDoubling()
    {
        await _context.SaveEndpointAsync();
        var broken = true;
        Api.Faults = page => broken && page == 3 ? new RetailerApi.Fault(HttpStatusCode.InternalServerError) : null;

        var failed = await _context.PullAsync();

        Assert.Equal(PullStatuses.Failed, failed.Status);
        Assert.Contains("page 3", failed.Message);
        Assert.Contains("500 Internal Server Error, 3 times", failed.Message);
        Assert.Equal([1, 2, 3, 3, 3], Api.PagesServed);
        Assert.Equal(4, (await _context.FactsAsync()).Count);
        var failing = await _context.EndpointAsync();
        Assert.True(failing.IsFailing);
        Assert.NotNull(failing.FailingSince);
        Assert.Equal("2025-07-04T10:10:00Z", failing.Cursor);

        broken = false;
        await using (var scope = _context.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PullJob>().RunAsync(PullContext.Source, CancellationToken.None);

        Assert.Equal(Sorted(PullContext.SevenFacts), Sorted(await _context.FactsAsync()));
        Assert.Equal(["loaded|4|4|0", "loaded|4|3|1"], await _context.ListAsync(
            "SELECT status || '|' || rows_read || '|' || rows_accepted || '|' || rows_duplicate FROM uploads ORDER BY upload_id"));
        var resumed = await _context.EndpointAsync();
        Assert.False(resumed.IsFailing);
        Assert.Null(resumed.FailingSince);
        Assert.Equal("2025-07-04T10:25:00Z", resumed.Cursor);

        var idle = await _context.PullAsync();

        Assert.Equal(PullStatuses.NothingNew, idle.Status);
        Assert.Equal(2L, await CountAsync("SELECT count(*) FROM uploads"));
        Assert.Equal(7, (await _context.FactsAsync()).Count);
    }

    [Fact]
    public async Task Pull_whoseUploadIsRefused_leavesTheCursor_andOnceTheMappingCoversTheRecordsTheNextPullLoadsThemAll()
    {
        await SaveMappingAsync(new SourceChange { UnmapHeaders = ["sold_at"] });
        await _context.SaveEndpointAsync();

        var refused = await _context.PullAsync();

        Assert.Equal((PullStatuses.Failed, 7, "refused"), (refused.Status, refused.Records, refused.UploadStatus));
        Assert.Contains($"upload #{refused.UploadId} refused", refused.Message);
        Assert.Contains("Missing required columns: InvoiceDate", refused.Message);
        Assert.Null((await _context.EndpointAsync()).Cursor);
        Assert.Empty(await _context.FactsAsync());

        await SaveMappingAsync(new SourceChange { MapColumns = new Dictionary<string, string> { ["sold_at"] = "InvoiceDate" } });
        var loaded = await _context.PullAsync();

        Assert.Equal((PullStatuses.Loaded, 7L), (loaded.Status, loaded.Accepted));
        Assert.Equal(Sorted(PullContext.SevenFacts), Sorted(await _context.FactsAsync()));
        Assert.Equal("2025-07-04T10:25:00Z", (await _context.EndpointAsync()).Cursor);
    }

    private async Task SaveMappingAsync(SourceChange change)
    {
        await using var scope = _context.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync(PullContext.Source, change, "test", CancellationToken.None);
    }

    [Fact]
    public async Task Pull_ofAPageThatIsNotJson_failsSayingSo_losesNothing_andTheNextPullLoadsTheRest()
    {
        await _context.SaveEndpointAsync();
        var broken = true;
        Api.Faults = page => broken && page == 2 ? new RetailerApi.Fault(HttpStatusCode.OK, Body: "<html>maintenance</html>") : null;

        var failed = await _context.PullAsync();

        Assert.Equal(PullStatuses.Failed, failed.Status);
        Assert.Contains("page 2", failed.Message);
        Assert.Contains("not valid JSON", failed.Message);
        Assert.Equal(2, (await _context.FactsAsync()).Count);

        broken = false;
        var resumed = await _context.PullAsync();

        // The cursor stopped at a moment two records share, one on each side of the first page's end: the second comes now.
        Assert.Equal(PullStatuses.Loaded, resumed.Status);
        Assert.Equal("2025-07-04T10:05:00Z", resumed.CursorBefore);
        Assert.Equal((5L, 1L), (resumed.Accepted, resumed.Duplicates));
        Assert.Equal(Sorted(PullContext.SevenFacts), Sorted(await _context.FactsAsync()));
    }

    [Fact]
    public async Task Pull_retriesA503_andWaitsTheRetryAfterOfA429_withinOnePull()
    {
        await _context.SaveEndpointAsync();
        var served = new Dictionary<int, int>();
        Api.Faults = page =>
        {
            served[page] = served.GetValueOrDefault(page) + 1;
            return (page, served[page]) switch
            {
                (1, 1) => new RetailerApi.Fault(HttpStatusCode.ServiceUnavailable),
                (2, 1) => new RetailerApi.Fault(HttpStatusCode.TooManyRequests, RetryAfter: "1"),
                _ => null,
            };
        };
        var clock = Stopwatch.StartNew();

        var outcome = await _context.PullAsync();

        Assert.Equal((PullStatuses.Loaded, 7), (outcome.Status, outcome.Records));
        Assert.Equal([1, 1, 2, 2, 3, 4], Api.PagesServed);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"the 429's Retry-After of 1 s was not waited ({clock.Elapsed})");
        Assert.False((await _context.EndpointAsync()).IsFailing);
    }

    [Fact]
    public async Task Pull_whoseApiAsksToWaitLongerThanTheCap_failsAtOnce_insteadOfHammeringIt()
    {
        await _context.SaveEndpointAsync();
        Api.Faults = _ => new RetailerApi.Fault(HttpStatusCode.TooManyRequests, RetryAfter: "3600");

        var outcome = await _context.PullAsync();

        Assert.Equal(PullStatuses.Failed, outcome.Status);
        Assert.Contains("asks to wait 3600 s (Retry-After), longer than Pulls:MaxRetryDelay", outcome.Message);
        Assert.Equal([1], Api.PagesServed);
        Assert.Empty(await _context.FactsAsync());
    }

    [Theory]
    [InlineData("body")]
    [InlineData("header")]
    public async Task Pull_followingNextLinks_inTheAnswerOrItsLinkHeader_loadsEveryPage(string style)
    {
        Api.Paging = style;
        await _context.SaveEndpointAsync(new EndpointChange { Paging = "next-link" });

        var outcome = await _context.PullAsync();

        Assert.Equal((PullStatuses.Loaded, 4, 7), (outcome.Status, outcome.Pages, outcome.Records));
        Assert.Equal([1, 2, 3, 4], Api.PagesServed);
        Assert.Equal(Sorted(PullContext.SevenFacts), Sorted(await _context.FactsAsync()));
    }

    [Fact]
    public async Task SavedSecret_isStoredEncrypted_andNeverInTheAuditLogOrTheLogs()
    {
        Api.Auth = EndpointAuth.Bearer;
        await _context.SaveEndpointAsync(new EndpointChange { Auth = EndpointAuth.Bearer, Secret = RetailerApi.Token });
        Assert.Equal(PullStatuses.Loaded, (await _context.PullAsync()).Status);

        var stored = (await _context.ListAsync("SELECT protected_secret FROM source_endpoints")).Single();
        Assert.DoesNotContain(RetailerApi.Token, stored);
        Assert.Equal(RetailerApi.Token, _context.Services.GetRequiredService<EndpointSecrets>().Unprotect(PullContext.Source, stored));
        // Bound to its source: the same ciphertext does not open as another source's secret.
        Assert.Throws<PullFailedException>(() => _context.Services.GetRequiredService<EndpointSecrets>().Unprotect("other", stored));
        var audit = (await _context.ListAsync("SELECT detail FROM audit_log WHERE action = 'source.endpoint_saved'")).Single();
        Assert.Contains("auth bearer (secret replaced)", audit);
        Assert.DoesNotContain(RetailerApi.Token, audit);
        Assert.Contains(_context.Logs.Entries, e => e.Message.Contains(Api.BaseUrl.Authority));
        Assert.DoesNotContain(_context.Logs.Entries, e => e.Message.Contains(RetailerApi.Token));
        Assert.DoesNotContain(RetailerApi.Token, (await _context.EndpointAsync()).ToString());
    }

    [Fact]
    public async Task ChangingTheUrlsSchemeHostOrPort_dropsTheStoredSecret_soTheNewUrlSavesOnlyWithItGivenAgain_whileAPathChangeKeepsIt()
    {
        Api.Auth = EndpointAuth.Bearer;
        await _context.SaveEndpointAsync(new EndpointChange { Auth = EndpointAuth.Bearer, Secret = RetailerApi.Token });
        var port = Api.BaseUrl.Port;
        var samePlace = $"http://127.0.0.1:{port}/v1/sales?status=paid";

        await _context.SaveEndpointAsync(new EndpointChange { BaseUrl = samePlace });

        Assert.True((await _context.EndpointAsync()).HasSecret);
        foreach (var elsewhere in new[] { $"http://localhost:{port}/v1/sales", $"http://127.0.0.1:{port + 1}/v1/sales", $"https://127.0.0.1:{port}/v1/sales" })
        {
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => _context.SaveEndpointAsync(new EndpointChange { BaseUrl = elsewhere }));
            Assert.Contains($"({new Uri(samePlace).GetLeftPart(UriPartial.Authority)} → {new Uri(elsewhere).GetLeftPart(UriPartial.Authority)})", refused.Message);
            Assert.Contains("the stored bearer token was given for the old address only and must be given again with the new URL", refused.Message);
            Assert.Equal(samePlace, (await _context.EndpointAsync()).BaseUrl);
        }
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM uploads"));

        // Given again with the new URL, it is saved there and the pull sends it there.
        var moved = await _context.SaveEndpointAsync(new EndpointChange { BaseUrl = $"http://localhost:{port}/v1/sales", Secret = RetailerApi.Token });

        Assert.True(moved.HasSecret);
        Assert.Equal(PullStatuses.Loaded, (await _context.PullAsync()).Status);
        Assert.Equal(Sorted(PullContext.SevenFacts), Sorted(await _context.FactsAsync()));
        Assert.Contains("(secret replaced)", (await _context.ListAsync(
            "SELECT detail FROM audit_log WHERE action = 'source.endpoint_saved' ORDER BY audit_entry_id")).Last());
    }

    [Fact]
    public async Task SaveEndpoint_refusesCredentialsOverPlainHttpToAnotherHost_credentialsInTheUrl_andABadSchedule()
    {
        async Task<string> RefusedAsync(EndpointChange change) => (await Assert.ThrowsAsync<ArgumentException>(() => _context.SaveEndpointAsync(change))).Message;

        Assert.Contains("plain http", await RefusedAsync(new EndpointChange
            { BaseUrl = "http://retailer.example/v1/sales", Auth = EndpointAuth.Bearer, Secret = RetailerApi.Token }));
        Assert.Contains("Credentials do not go in the URL", await RefusedAsync(new EndpointChange { BaseUrl = "https://u:p@retailer.example/v1" }));
        Assert.Contains("needs the bearer token", await RefusedAsync(new EndpointChange { Auth = EndpointAuth.Bearer }));
        Assert.Contains("is not a schedule", await RefusedAsync(new EndpointChange { Schedule = "every hour" }));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM source_endpoints"));
    }
}
