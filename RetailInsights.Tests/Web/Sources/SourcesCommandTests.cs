using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Sources;

/// <summary>The sources command on a real database: each set is a version, bad settings are refused with the reason.</summary>
[Trait("Tier", "database")]
public sealed class SourcesCommandTests : IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["sources", .. args], output, output, _pipeline.Configuration());
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Set_savesANewVersionEachTime_mergingTheMap_andListShowsTheCurrentOne()
    {
        var first = await RunAsync("set", "franchise", "--name", "Franchise North", "--map", "sold_at=invoicedate", "--map", "sku=StockCode",
            "--date-order", "day-first", "--decimal", ",", "--time-zone", "Asia/Jakarta", "--kinds", "transactions,refunds");
        var second = await RunAsync("set", "franchise", "--map", "member_no=customer_id", "--unmap", "sku", "--store", "FR-01");
        var list = await RunAsync("list");

        Assert.Equal(0, first.Exit);
        Assert.Contains("Saved source franchise version 1.", first.Output);
        Assert.Equal(0, second.Exit);
        Assert.Contains("Saved source franchise version 2.", second.Output);
        Assert.Contains("map sold_at = InvoiceDate", second.Output);
        Assert.Contains("map member_no = Customer ID", second.Output);
        Assert.DoesNotContain("map sku", second.Output);
        Assert.Contains("time zone: Asia/Jakarta; default store: FR-01", second.Output);
        Assert.Matches(@"franchise\s+2\s+transactions,refunds\s+day-first\s+','\s+Asia/Jakarta\s+Franchise North", list.Output);
        Assert.Equal(2L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM source_mappings"));
        Assert.Equal(2L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'source.saved'"));
    }

    [Theory]
    [InlineData("--map", "sold_at=Colour", "'Colour' (for header 'sold_at') is not a column")]
    [InlineData("--time-zone", "Mars/Olympus", "not a time zone this server knows")]
    [InlineData("--kinds", "sales", "'sales' is not a file kind")]
    public async Task Set_badSetting_isRefusedWithTheReason_andSavesNothing(string option, string value, string reason)
    {
        var result = await RunAsync("set", "franchise", option, value);

        Assert.Equal(1, result.Exit);
        Assert.Contains(reason, result.Output);
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM source_mappings"));
    }

    [Fact]
    public async Task Set_twoHeadersForOneColumn_orAReservedCode_isRefused()
    {
        var twice = await RunAsync("set", "franchise", "--map", "sold_at=InvoiceDate", "--map", "sale_time=InvoiceDate");
        var reserved = await RunAsync("set", "processed");
        var path = await RunAsync("set", "../etc");

        Assert.Equal((1, 1, 1), (twice.Exit, reserved.Exit, path.Exit));
        Assert.Contains("InvoiceDate is given two headers", twice.Output);
        Assert.Contains("kept for the drop folder", reserved.Output);
        Assert.Contains("A source code is 1–64 letters", path.Output);
    }

    [Fact]
    public async Task Usage_mapWithoutAColumn_orShowOfAnUnknownSource_sayWhatIsWrong()
    {
        var usage = await RunAsync("set", "franchise", "--map", "sold_at");
        var unknown = await RunAsync("show", "nobody");

        Assert.Equal(2, usage.Exit);
        Assert.Contains("--map takes HEADER=COLUMN", usage.Output);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("no source 'nobody'", unknown.Output);
    }
}
