using RetailInsights.Web.Composition;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Support;

/// <summary>The Online Retail sample loaded and analysed once (support 0.0125, confidence 0.3: longer rules, some redundant), with the run's stored rules.</summary>
public sealed class AnalysedSample : IAsyncLifetime
{
    public OnlineRetailSampleFixture Sample { get; } = new();

    public long RunId { get; private set; }

    public List<RunRule> Rules { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Sample.InitializeAsync();
        var output = new StringWriter();
        if (await CommandLine.RunAsync(["analyze", "--min-support", "0.0125", "--min-confidence", "0.3"], output, output,
                Sample.Pipeline.Configuration(("Analytics:MaxItemsets", "100000"))) != 0)
            throw new InvalidOperationException("The analysis failed: " + output);
        RunId = await Sample.Pipeline.Database.ScalarAsync<long>("SELECT max(run_id) FROM analysis_runs WHERE status = 'succeeded'");
        await using var db = Sample.Pipeline.Database.CreateDbContext();
        Rules = [.. db.RunRules.Where(r => r.RunId == RunId)];
        if (Rules.Count < 100)
            throw new InvalidOperationException($"Expected more than 100 rules, got {Rules.Count}.");
    }

    public Task DisposeAsync() => Sample.DisposeAsync();
}
