using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Data;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Sources;

namespace RetailInsights.Tests.Support;

/// <summary>A migrated database of its own and a folder of real files, loaded with the real import command.</summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ri-pipe-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        Directory.CreateDirectory(Folder);
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public IConfiguration Configuration(params (string Key, string Value)[] extra) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = Database.ConnectionString,
            ["Ingestion:StagingPath"] = Path.Combine(Folder, "staging"),
        })
        .AddInMemoryCollection(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
        .Build();

    /// <summary>The upload pipeline's services on this fixture's database and folder, as the commands register them.</summary>
    public ServiceProvider IngestionServices(params (string Key, string Value)[] settings) => new ServiceCollection()
        .AddSingleton(Configuration(settings))
        .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Folder })
        .AddLogging()
        .AddRetailInsightsData()
        .AddIngestion()
        .AddSources()
        .BuildServiceProvider();

    /// <summary>The analytics services on this fixture's database, as the app registers them (without Hangfire's server).</summary>
    public ServiceProvider AnalyticsServices(params (string Key, string Value)[] settings) => new ServiceCollection()
        .AddSingleton(Configuration(settings))
        .AddLogging()
        .AddRetailInsightsData()
        .AddAnalytics()
        .BuildServiceProvider();

    /// <summary>
    /// Sales whose ids refer to no dimension row, per reference. The sales table enforces no foreign keys (for load
    /// speed), so the load itself must never write such a row.
    /// </summary>
    /// <summary>Sales and refunds whose dimension or upload row is missing, by table and column (neither table has foreign keys).</summary>
    public async Task<Dictionary<string, long>> OrphanedFactsAsync()
    {
        var orphans = new Dictionary<string, long>();
        foreach (var facts in new[] { "fact_sales", "refunds" })
            foreach (var (column, table) in new[] { ("product_id", "dim_product"), ("store_id", "dim_store"), ("customer_id", "dim_customer"),
                         ("retailer_id", "dim_retailer"), ("date_key", "dim_date"), ("upload_id", "uploads") })
                orphans[$"{facts}.{column}"] = await Database.ScalarAsync<long>(
                    $"SELECT count(*) FROM {facts} f WHERE f.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {table} d WHERE d.{column} = f.{column})");
        return orphans;
    }

    public Task<(int Exit, List<System.Text.Json.JsonElement> Lines, string Output)> ImportAsync(params string[] args) =>
        ImportWithAsync([], args);

    /// <summary>The import command with settings of the test's own (e.g. a lower limit).</summary>
    public async Task<(int Exit, List<System.Text.Json.JsonElement> Lines, string Output)> ImportWithAsync(
        (string Key, string Value)[] settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["import", .. args], output, error, Configuration(settings));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (exit, lines, output + error.ToString());
    }
}
