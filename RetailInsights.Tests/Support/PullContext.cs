using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using RetailInsights.Tests.Web.Sources;
using RetailInsights.Web.Data;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Sources;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Tests.Support;

/// <summary>
/// A source "market" whose sales come from a <see cref="RetailerApi"/> on loopback: the app's pull services (as the
/// app registers them) on a database, staging folder and Hangfire storage of the test's own, with what they log kept.
/// Back-offs are a few milliseconds, so retries cost the tests no time. Pulls reach only public addresses unless
/// allowed, so the API's loopback address is opened as an admin would open an on-site system's
/// (<see cref="AllowTheApi"/>); a test that passes <c>("Pulls:AllowedHosts", "")</c> runs with the default.
/// </summary>
public sealed class PullContext : IAsyncDisposable
{
    public const string Source = "market";

    private PullContext(PipelineFixture pipeline, RetailerApi api, LogSink logs, ServiceProvider services) =>
        (Pipeline, Api, Logs, Services) = (pipeline, api, logs, services);

    public PipelineFixture Pipeline { get; }
    public RetailerApi Api { get; }
    public LogSink Logs { get; }
    public ServiceProvider Services { get; }

    /// <summary>The one address the retailer API listens on, opened deliberately (as one value, not a list: both forms work).</summary>
    public static readonly (string Key, string Value) AllowTheApi = ("Pulls:AllowedHosts", "127.0.0.1");

    public static async Task<PullContext> StartAsync(params (string Key, string Value)[] settings)
    {
        var pipeline = new PipelineFixture();
        await pipeline.InitializeAsync();
        var api = await RetailerApi.StartAsync();
        var logs = new LogSink();
        var services = new ServiceCollection();
        (string Key, string Value)[] defaults = [("Pulls:RetryDelay", "00:00:00.010"), ("Pulls:Attempts", "3"), AllowTheApi];
        services.AddSingleton(pipeline.Configuration([.. defaults.Where(d => settings.All(s => s.Key != d.Key)), .. settings]));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = pipeline.Folder });
        services.AddLogging(b => b.AddProvider(logs));
        services.AddRetailInsightsData();
        services.AddIngestion();
        services.AddSources();
        // The storage is this context's own (not the process-wide JobStorage.Current, which other tests' hosts set too).
        var storageOptions = new PostgreSqlStorageOptions { SchemaName = HangfireRegistration.Schema, PrepareSchemaIfNecessary = true };
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(
            new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(pipeline.Database.ConnectionString, storageOptions), storageOptions));
        services.AddHangfire((provider, c) => c.UseHostBoundLogging(provider));
        return new PullContext(pipeline, api, logs, services.BuildServiceProvider());
    }

    /// <summary>The marketplace's source: its two own names mapped, the rest read by the usual aliases.</summary>
    public async Task SaveSourceAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync(Source, new SourceChange
        {
            MapColumns = new Dictionary<string, string> { ["sold_at"] = "InvoiceDate", ["member_no"] = "Customer ID" },
            Kinds = ["transactions"],
        }, "test", CancellationToken.None);
    }

    /// <summary>The API's endpoint, two records a page, with <paramref name="change"/>'s settings over those.</summary>
    public async Task<EndpointSettings> SaveEndpointAsync(EndpointChange? change = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EndpointCatalog>().SaveAsync(Source, (change ?? new EndpointChange()) with
        {
            BaseUrl = change?.BaseUrl ?? Api.BaseUrl.ToString(),
            PageSize = change?.PageSize ?? 2,
            RecordsPath = change?.RecordsPath ?? "data",
            CursorField = change?.CursorField ?? "updated_at",
        }, "admin@test.local", CancellationToken.None);
    }

    /// <summary>One pull, loaded as the pull job loads it.</summary>
    public async Task<PullOutcome> PullAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportUploadJob>();
        return await scope.ServiceProvider.GetRequiredService<SourcePuller>().PullAsync(Source, imports.LoadAsync, CancellationToken.None);
    }

    public async Task<EndpointSettings> EndpointAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<EndpointCatalog>().GetAsync(Source, CancellationToken.None))!;
    }

    /// <summary>Every sale line of a source system (<see cref="SourceFiles.FactsSql"/>).</summary>
    public Task<List<string>> FactsAsync(string retailer = Source) => ListAsync(SourceFiles.FactsSql(retailer));

    public Task<List<string>> ListAsync(string sql) => Pipeline.Database.TextsAsync(sql);

    /// <summary>
    /// Seven sales updated one after another, two of them at the same moment on either side of the first page's end,
    /// and the same seven as the facts must hold them.
    /// </summary>
    public static readonly string[] SevenFacts =
    [
        "R-1001|71053|6|3.390|2025-07-01 08:26|17850|UK-01",
        "R-1001|85123A|6|2.550|2025-07-01 08:26|17850|UK-01",
        "R-1002|22633|12|1234.500|2025-07-01 09:02|-|UK-01",
        "R-1003|84879|32|1.690|2025-07-02 15:45|13047|UK-01",
        "R-1004|22960|3|4.250|2025-07-02 16:00|13047|UK-01",
        "R-1005|21212|24|0.550|2025-07-03 11:00|17850|UK-01",
        "R-1005|84991|24|0.550|2025-07-03 11:00|17850|UK-01",
    ];

    public void AddSevenSales()
    {
        Api.Add("L1", "R-1001", "85123A", 6, 2.55m, "2025-07-01T08:26:00", "17850", "UK-01", "2025-07-04T10:00:00Z");
        Api.Add("L2", "R-1001", "71053", 6, 3.39m, "2025-07-01T08:26:00", "17850", "UK-01", "2025-07-04T10:05:00Z");
        Api.Add("L3", "R-1002", "22633", 12, 1234.50m, "2025-07-01T09:02:00", null, "UK-01", "2025-07-04T10:05:00Z");
        Api.Add("L4", "R-1003", "84879", 32, 1.69m, "2025-07-02T15:45:00", "13047", "UK-01", "2025-07-04T10:10:00Z");
        Api.Add("L5", "R-1004", "22960", 3, 4.25m, "2025-07-02T16:00:00", "13047", "UK-01", "2025-07-04T10:15:00Z");
        Api.Add("L6", "R-1005", "21212", 24, 0.55m, "2025-07-03T11:00:00", "17850", "UK-01", "2025-07-04T10:20:00Z");
        Api.Add("L7", "R-1005", "84991", 24, 0.55m, "2025-07-03T11:00:00", "17850", "UK-01", "2025-07-04T10:25:00Z");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Api.DisposeAsync();
        await Pipeline.DisposeAsync();
    }
}
