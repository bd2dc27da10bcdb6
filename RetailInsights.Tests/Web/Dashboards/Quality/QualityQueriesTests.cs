using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Components.Layout;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Live;
using RetailInsights.Web.Dashboards.Quality;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Tests.Web.Dashboards.Quality;

/// <summary>
/// The data-quality queries and the banner's query on files brought in through the real import command — a clean file
/// of one source system, a partly bad file of a second, a file that fails — and live events of the first source written
/// by the real event writer (whose uploads row is no file). Every figure is compared with SQL on the uploads, the kept
/// rejected lines, the facts and the live events.
/// </summary>
[Trait("Tier", "database")]
public sealed class QualityQueriesTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private const string Second = "pos-b";
    private readonly PipelineFixture _pipeline = new();
    private QualityQueries _queries = null!;
    private DashboardFilter _today = null!;

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        _queries = new QualityQueries(new DashboardDatabase(_pipeline.Database.DataSource, Options.Create(new DashboardOptions())));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _today = new DashboardFilter { From = today, To = today };
    }

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    /// <summary>One file through the import command; the test goes on only if it ended as it was meant to.</summary>
    private async Task ImportAsync(string name, string content, string source, string status)
    {
        await _pipeline.ImportAsync(_pipeline.Write(name, content), "--retailer", source);
        Assert.Equal(status, await Sql<string>($"SELECT status FROM uploads WHERE file_name = '{name}'"));
    }

    private Task LoadCleanAsync() => ImportAsync("clean.csv", Header +
        "1,P1,Tea,2,2025-07-01 10:00,3.00,C1,UK,S1\n2,P2,Jam,1,2025-07-02 11:00,4.50,,UK,S1\n", "default", "loaded");

    private Task LoadPartlyBadAsync() => ImportAsync("partly-bad.csv", Header +
        "10,P1,Tea,1,2025-07-01 10:00,3.00,C1,UK,S1\n11,P2,Jam,many,2025-07-01 11:00,4.50,C2,UK,S1\n" +
        "12,P2,Jam,1,2025-07-01 12:00,4.50,C2,UK,S1\n13,P1,Tea,1,2025-07-01 13:00,3.00,,UK,S1\n", Second, "loaded");

    private Task LoadFailingAsync() => ImportAsync("failing.csv", Header +
        "F-1,P1,Tea,many,2025-07-01 09:00,3.00,,UK,S1\nF-2,,Jam,1,2025-07-01 09:01,4.50,,UK,S1\n" +
        "F-3,P1,Tea,1,yesterday,3.00,,UK,S1\nF-4,P1,Tea,1,2025-07-01 09:03,3.00,,UK,S1\n", "default", "failed");

    /// <summary>One live sale of the default source, through the writer the events API uses.</summary>
    private async Task SendLiveSaleAsync()
    {
        var writer = new EventWriter(_pipeline.Database.DataSource);
        // The events' times are the tills' wall clock (timestamp without time zone), as the API passes them on.
        var now = DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
        var sale = new TransactionRow(1, "LIVE-1", "P1", "Tea", 1, now, 3.00m, "C1", "UK", "S1", RowFlags.None);
        await writer.WriteSalesAsync("default", [new AcceptedEvent<TransactionRow>(0, "event-1", sale)], now.AddHours(-1), CancellationToken.None);
    }

    private Task<T> Sql<T>(string sql) => _pipeline.Database.ScalarAsync<T>(sql);

    [Fact]
    public async Task TotalsAndLoads_countEveryFileOfTheDays_butNotALiveFeed()
    {
        await LoadCleanAsync();
        await LoadPartlyBadAsync();
        await LoadFailingAsync();
        await SendLiveSaleAsync();

        var totals = await _queries.TotalsAsync(_today, CancellationToken.None);
        var loads = await _queries.LoadsAsync(_today, CancellationToken.None);

        Assert.Equal(1, await Sql<long>("SELECT count(*) FROM uploads WHERE kind = 'events'"));
        Assert.Equal(3, totals.Current.Files);
        Assert.Equal(await Sql<long>("SELECT count(*) FROM uploads WHERE kind <> 'events'"), totals.Current.Files);
        Assert.Equal(await Sql<long>("SELECT count(*) FROM uploads WHERE status = 'failed'"), totals.Current.FailedOrRefused);
        Assert.Equal(await Sql<decimal>("SELECT sum(rows_read) FROM uploads"), totals.Current.RowsRead);
        Assert.Equal(await Sql<decimal>("SELECT sum(rows_rejected) FROM uploads"), totals.Current.RowsRejected);
        Assert.Equal(UploadTotals.None, totals.Previous);
        Assert.Equal(await Sql<decimal>("SELECT sum(rows_accepted + rows_duplicate) FROM uploads") / await Sql<decimal>("SELECT sum(rows_read) FROM uploads"),
            (decimal)totals.Current.AcceptedShare!.Value, 12);
        Assert.Equal(["clean.csv", "partly-bad.csv", "failing.csv"], loads.Loads.Select(l => l.FileName));
        Assert.False(loads.Capped);
        var partlyBad = loads.Loads[1];
        Assert.Equal((Second, 4L, 3L, 1L), (partlyBad.Source, partlyBad.RowsRead, partlyBad.RowsAccepted, partlyBad.RowsRejected));
        Assert.Equal(0.75, partlyBad.AcceptedShare!.Value, 12);
        Assert.Equal(0.0, loads.Loads[2].AcceptedShare!.Value);

        var yesterday = _today with { From = _today.From.AddDays(-1), To = _today.To.AddDays(-1) };
        Assert.Equal(UploadTotals.None, (await _queries.TotalsAsync(yesterday, CancellationToken.None)).Current);
        Assert.Empty((await _queries.LoadsAsync(yesterday, CancellationToken.None)).Loads);
    }

    [Fact]
    public async Task ReasonsAndCompleteness_equalTheKeptLinesAndTheRowsRead_perSourceToo()
    {
        await LoadCleanAsync();
        await LoadPartlyBadAsync();
        await LoadFailingAsync();

        foreach (var filter in new[] { _today, _today with { Source = Second } })
        {
            var source = filter.Source is null ? "" : $"AND u.retailer_code = '{filter.Source}'";
            var reasons = await _queries.ReasonsAsync(filter, CancellationToken.None);
            await using var kept = _pipeline.Database.DataSource.CreateCommand($"""
                SELECT reason, count(*) FROM rejected_rows r JOIN uploads u USING (upload_id), unnest(r.reason_codes) reason
                WHERE true {source} GROUP BY reason ORDER BY reason
                """);
            var expected = new List<(string, long)>();
            await using (var reader = await kept.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    expected.Add((reader.GetString(0), reader.GetInt64(1)));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, reasons.Select(r => (r.Reason, r.Rows)).OrderBy(r => r.Reason, StringComparer.Ordinal));

            var completeness = await _queries.CompletenessAsync(filter, CancellationToken.None);
            var customers = completeness.Single(c => c.Kind == "transactions" && c.Column == "Customer ID");
            var overall = await Sql<double>($"""
                SELECT sum((quality_report -> 'completeness' ->> 'Customer ID')::float8 * rows_read) / sum(rows_read)
                FROM uploads u WHERE quality_report -> 'completeness' ? 'Customer ID' {source}
                """);
            Assert.Equal(overall, customers.Overall, 12);
            Assert.True(customers.Lowest < 1);
        }
    }

    [Fact]
    public async Task Freshness_readsEachSourcesLatestSaleDayFileAndLiveEvent()
    {
        await LoadCleanAsync();
        await LoadPartlyBadAsync();
        await SendLiveSaleAsync();

        var sources = await _queries.FreshnessAsync(_today, CancellationToken.None);

        Assert.Equal(["default", Second], sources.Select(s => s.Source));
        var (first, second) = (sources[0], sources[1]);
        // The live sale is the default source's latest sale day; its feed row is newer than the file but is no file.
        var latestDefault = await Sql<int>("SELECT max(date_key) FROM fact_sales f JOIN dim_retailer r USING (retailer_id) WHERE r.code = 'default'");
        Assert.Equal(DateKeys.Day(latestDefault), first.LatestSaleDay);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), first.LatestSaleDay);
        Assert.Equal(("clean.csv", "loaded"), (first.LastUploadFile, first.LastUploadStatus));
        Assert.Equal(await Sql<DateTime>("SELECT max(received_at) FROM live_events"), first.LastEventAt);
        Assert.NotNull(first.LastLoadedAt);
        Assert.Equal(new DateOnly(2025, 7, 1), second.LatestSaleDay);
        Assert.Equal("partly-bad.csv", second.LastUploadFile);
        Assert.Null(second.LastEventAt);
        Assert.Equal([Second], (await _queries.FreshnessAsync(_today with { Source = Second }, CancellationToken.None)).Select(s => s.Source));
    }

    [Fact]
    public async Task LatestUploadBannerQuery_namesAFailedLatestFile_untilALaterOneLoads_andALiveFeedChangesNothing()
    {
        var banner = new LatestUploadQuery(_pipeline.Database.DataSource);
        await LoadCleanAsync();
        Assert.Null(await banner.FailedAsync(CancellationToken.None));

        await LoadFailingAsync();
        await SendLiveSaleAsync();
        var failed = await banner.FailedAsync(CancellationToken.None);

        Assert.NotNull(failed);
        Assert.Equal(await Sql<long>("SELECT upload_id FROM uploads WHERE file_name = 'failing.csv'"), failed.UploadId);
        Assert.Equal(("failing.csv", "failed"), (failed.FileName, failed.Status));
        Assert.False(string.IsNullOrEmpty(failed.Error));

        await LoadPartlyBadAsync();
        Assert.Null(await banner.FailedAsync(CancellationToken.None));
    }
}
