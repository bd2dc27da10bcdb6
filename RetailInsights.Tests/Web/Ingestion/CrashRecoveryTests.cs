using System.Diagnostics;
using RetailInsights.Core.Generation;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>A load killed mid-way leaves nothing half-loaded, and running the import again completes it exactly once.</summary>
[Trait("Tier", "database")]
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    [Fact]
    public async Task ImportKilledMidLoad_leavesNoFacts_andReRunLoadsEveryRowOnce()
    {
        var generated = Path.Combine(_pipeline.Folder, "big");
        new DemoDataGenerator().Generate(new GeneratorOptions { Days = 1, EndDate = new DateOnly(2025, 7, 1), InvoicesPerDay = 25_000, Customers = 12_000 }, generated);
        var file = Directory.GetFiles(generated, "transactions_*.csv").Single();
        var lines = SimpleCsv.Read(file).Rows;
        var saleLines = lines.Count(r => !r["Invoice"].StartsWith('C'));

        using (var child = StartImport(file))
        {
            await WaitUntilAsync(async () => await _pipeline.Database.ScalarAsync<long>(
                "SELECT count(*) FROM uploads WHERE status IN ('parsing', 'loading') AND progress_percent >= 5") > 0, child);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        var factsAfterKill = await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales");
        var statusAfterKill = await _pipeline.Database.ScalarAsync<string>("SELECT status FROM uploads");

        var rerun = await _pipeline.ImportAsync(file);

        Assert.Equal(0L, factsAfterKill);
        Assert.NotEqual("loaded", statusAfterKill);
        Assert.Equal(0, rerun.Exit);
        Assert.Equal("loaded", rerun.Lines.Single().GetProperty("status").GetString());
        Assert.Equal(lines.Count, rerun.Lines.Single().GetProperty("accepted").GetInt64());
        Assert.Equal((long)saleLines, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
        Assert.Equal((long)(lines.Count - saleLines), await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM refunds"));
        Assert.Equal(1L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }

    private Process StartImport(string file)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "RetailInsights.Web.dll"), "import", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _pipeline.Folder,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__RetailInsights"] = _pipeline.Database.ConnectionString;
        start.Environment["Ingestion__StagingPath"] = Path.Combine(_pipeline.Folder, "staging");
        return Process.Start(start)!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Process child)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (child.HasExited)
                throw new InvalidOperationException($"The import ended before it could be killed: {await child.StandardError.ReadToEndAsync()}{await child.StandardOutput.ReadToEndAsync()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The import never reached the loading stage.");
            await Task.Delay(50);
        }
    }
}
