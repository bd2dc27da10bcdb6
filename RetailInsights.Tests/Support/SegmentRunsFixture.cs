using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Support;

/// <summary>The Online Retail sample with two analytics runs a fortnight apart, so the latest has moves between segments.</summary>
public sealed class SegmentRunsFixture : IAsyncLifetime
{
    private readonly OnlineRetailSampleFixture _sample = new();

    public long EarlierRun { get; private set; }

    public long LatestRun { get; private set; }

    public DashboardDatabase Dashboards { get; private set; } = null!;

    public TestDatabase Database => _sample.Pipeline.Database;

    public async Task InitializeAsync()
    {
        await _sample.InitializeAsync();
        EarlierRun = await AnalyzeAsync("--as-of", "2025-07-10");
        LatestRun = await AnalyzeAsync();
        Dashboards = new DashboardDatabase(Database.DataSource, Options.Create(new DashboardOptions()));
    }

    public Task DisposeAsync() => _sample.DisposeAsync();

    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    private async Task<long> AnalyzeAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["analyze", "--min-support", "0.03", "--min-confidence", "0.2", .. args], output, output,
            _sample.Pipeline.Configuration(("Analytics:MaxItemsets", "100000")));
        if (exit != 0)
            throw new InvalidOperationException("analyze failed: " + output);
        var json = output.ToString().Split('\n').First(l => l.StartsWith('{'));
        return JsonDocument.Parse(json).RootElement.GetProperty("run").GetInt64();
    }
}
