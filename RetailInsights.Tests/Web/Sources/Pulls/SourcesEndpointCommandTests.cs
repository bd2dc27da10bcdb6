using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Tests.Web.Sources.Pulls;

/// <summary>The sources command's endpoint actions: a token from standard input, the schedule in Hangfire's storage, a pull now.</summary>
[Trait("Tier", "database")]
public sealed class SourcesEndpointCommandTests : IAsyncLifetime
{
    private PullContext _context = null!;

    public async Task InitializeAsync()
    {
        _context = await PullContext.StartAsync();
        await _context.SaveSourceAsync();
        _context.AddSevenSales();
        _context.Api.Auth = EndpointAuth.Bearer;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private async Task<(int Exit, string Output)> RunAsync(string? input, params string[] args)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["sources", .. args], output, output,
            _context.Pipeline.Configuration(("Pulls:RetryDelay", "00:00:00.010"), PullContext.AllowTheApi), input: input is null ? null : new StringReader(input));
        return (exit, output.ToString());
    }

    private RecurringJobDto? Schedule()
    {
        using var connection = _context.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == PullSchedules.JobId(PullContext.Source));
    }

    [Fact]
    public async Task Endpoint_takesItsTokenFromStandardInput_schedulesThePull_andPullNowLoadsTheRecords()
    {
        var saved = await RunAsync(RetailerApi.Token + "\n", "endpoint", PullContext.Source, "--url", _context.Api.BaseUrl.ToString(),
            "--page-size", "3", "--records-path", "data", "--cursor-field", "updated_at", "--auth", "bearer", "--schedule", "*/15 * * * *");

        Assert.Equal(0, saved.Exit);
        Assert.Contains("auth: bearer (bearer token set)", saved.Output);
        Assert.DoesNotContain(RetailerApi.Token, saved.Output);
        Assert.Equal("*/15 * * * *", Schedule()?.Cron);

        var pulled = await RunAsync(null, "pull", PullContext.Source);

        Assert.Equal(0, pulled.Exit);
        var line = JsonDocument.Parse(pulled.Output).RootElement;
        Assert.Equal(("loaded", 7, "loaded", 7), (line.GetProperty("status").GetString(), line.GetProperty("records").GetInt32(),
            line.GetProperty("upload_status").GetString(), line.GetProperty("accepted").GetInt32()));
        Assert.Equal(7, (await _context.FactsAsync()).Count);
        var shown = await RunAsync(null, "show", PullContext.Source);
        Assert.Contains("cursor: 2025-07-04T10:25:00Z", shown.Output);
        Assert.Contains("7 records", shown.Output);
        Assert.DoesNotContain(RetailerApi.Token, shown.Output);

        // Other settings change without the token: the stored one stays.
        Assert.Equal(0, (await RunAsync(null, "endpoint", PullContext.Source, "--schedule", "0 3 * * *")).Exit);
        Assert.Equal("0 3 * * *", Schedule()?.Cron);
        Assert.True((await _context.EndpointAsync()).HasSecret);

        var removed = await RunAsync(null, "endpoint", PullContext.Source, "--remove");

        Assert.Equal(0, removed.Exit);
        Assert.Null(Schedule());
        Assert.Equal(0L, await _context.Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM source_endpoints"));
    }

    [Fact]
    public async Task Endpoint_withAWrongToken_savesButItsPullFails_exitingOne_andTheSourceShowsFailing()
    {
        Assert.Equal(0, (await RunAsync("wrong-token\n", "endpoint", PullContext.Source, "--url", _context.Api.BaseUrl.ToString(),
            "--records-path", "data", "--cursor-field", "updated_at", "--auth", "bearer")).Exit);

        var pulled = await RunAsync(null, "pull", PullContext.Source);

        Assert.Equal(1, pulled.Exit);
        Assert.Contains("refused the credentials (401 Unauthorized)", pulled.Output);
        Assert.Contains("FAILING since", (await RunAsync(null, "show", PullContext.Source)).Output);
        Assert.Equal("0 * * * *", Schedule()?.Cron);
    }
}
