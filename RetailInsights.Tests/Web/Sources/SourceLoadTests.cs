using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Sources;

/// <summary>
/// Three source systems of different shapes through the real import command, the real loader and a real database:
/// read with their mappings, they give the same facts; every upload records the mapping version that read it.
/// </summary>
[Trait("Tier", "database")]
public sealed class SourceLoadTests : IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private async Task<(int Exit, string Output)> SourcesAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["sources", .. args], output, output, _pipeline.Configuration());
        return (exit, output.ToString());
    }

    private Task<List<string>> FactsAsync(string retailer) => ListAsync(SourceFiles.FactsSql(retailer));

    private Task<List<string>> ListAsync(string sql) => _pipeline.Database.TextsAsync(sql);

    [Fact]
    public async Task ThreeSourcesOfDifferentShapes_loadWithTheirMappings_intoTheSameFactsAsTheStandardLayout()
    {
        Assert.Equal(0, (await SourcesAsync("set", "uci", "--name", "UCI Online Retail", "--date-order", "month-first", "--store", "UK-01")).Exit);
        Assert.Equal(0, (await SourcesAsync("set", "franchise", "--map", "sold_at=InvoiceDate", "--map", "member_no=Customer ID",
            "--date-order", "day-first", "--decimal", ",", "--kinds", "transactions")).Exit);

        var standard = await _pipeline.ImportAsync(_pipeline.Write("standard.csv", SourceFiles.Standard), "--retailer", "standard");
        var uci = await _pipeline.ImportAsync(_pipeline.Write("uci.csv", SourceFiles.Uci), "--source", "uci");
        var franchise = await _pipeline.ImportAsync(_pipeline.Write("franchise.csv", SourceFiles.Franchise), "--source", "franchise");

        Assert.All([standard, uci, franchise], r => Assert.Equal("loaded", r.Lines[0].GetProperty("status").GetString()));
        Assert.Equal(5, standard.Lines[0].GetProperty("accepted").GetInt64());
        Assert.Equal((5L, 1L), (uci.Lines[0].GetProperty("accepted").GetInt64(), uci.Lines[0].GetProperty("rejected").GetInt64()));
        Assert.Equal((5L, 1L), (franchise.Lines[0].GetProperty("accepted").GetInt64(), franchise.Lines[0].GetProperty("rejected").GetInt64()));
        var expected = await FactsAsync("standard");
        Assert.Equal(5, expected.Count);
        Assert.Contains("536366|22633|12|1234.500|2025-07-13 09:02|-|UK-01", expected);
        Assert.Equal(expected, await FactsAsync("uci"));
        Assert.Equal(expected, await FactsAsync("franchise"));
        Assert.Equal(["missing_stock_code", "bad_date"], await ListAsync(
            "SELECT array_to_string(reason_codes, ',') FROM rejected_rows ORDER BY upload_id"));
        Assert.All(await _pipeline.OrphanedFactsAsync(), o => Assert.Equal(0L, o.Value));
    }

    [Fact]
    public async Task EachUpload_recordsTheMappingVersionThatReadIt_andLaterVersionsReadLaterFiles()
    {
        Assert.Equal(0, (await SourcesAsync("set", "franchise", "--map", "sold_at=InvoiceDate", "--date-order", "day-first", "--decimal", ",")).Exit);
        var first = await _pipeline.ImportAsync(_pipeline.Write("franchise-1.csv", SourceFiles.Franchise), "--source", "franchise");
        // The next export renames its date column; version 2 maps it, and version 1's file stays recorded as read by 1.
        Assert.Equal(0, (await SourcesAsync("set", "franchise", "--unmap", "sold_at", "--map", "sale_time=InvoiceDate")).Exit);
        var second = await _pipeline.ImportAsync(_pipeline.Write("franchise-2.csv",
            SourceFiles.Franchise.Replace("sold_at", "sale_time").Replace("536", "637")), "--source", "franchise");
        var plain = await _pipeline.ImportAsync(_pipeline.Write("plain.csv", SourceFiles.Standard));

        Assert.Equal(["franchise-1.csv|franchise|1", "franchise-2.csv|franchise|2", "plain.csv|default|-"], await ListAsync(
            "SELECT file_name || '|' || retailer_code || '|' || coalesce(mapping_version::text, '-') FROM uploads ORDER BY upload_id"));
        Assert.All([first, second, plain], r => Assert.Equal(5, r.Lines[0].GetProperty("accepted").GetInt64()));
        var show = await SourcesAsync("show", "franchise");
        Assert.Contains("version 2", show.Output);
        Assert.Contains("map sale_time = InvoiceDate", show.Output);
        Assert.DoesNotContain("map sold_at", show.Output);
        Assert.Contains("map sold_at = InvoiceDate", (await SourcesAsync("show", "franchise", "--version", "1")).Output);
    }

    [Fact]
    public async Task KnownSourcesFile_whoseHeaderItsMappingDoesNotCover_isRefusedNamingTheColumns_andPointingToTheMappingStep()
    {
        Assert.Equal(0, (await SourcesAsync("set", "franchise", "--date-order", "day-first")).Exit);

        var result = await _pipeline.ImportAsync(_pipeline.Write("franchise.csv", SourceFiles.Franchise), "--source", "franchise");

        Assert.Equal(1, result.Exit);
        Assert.Equal("refused", result.Lines[0].GetProperty("status").GetString());
        var message = result.Lines[0].GetProperty("message").GetString()!;
        Assert.Contains("Missing required columns: InvoiceDate", message);
        Assert.Contains("mapping version 1", message);
        Assert.Contains("mapping step of the Uploads page", message);
        Assert.Contains("sources set franchise --map HEADER=COLUMN", message);
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
    }

    [Fact]
    public async Task ImportWithAnUnknownSource_isRefusedBeforeAnythingIsWritten()
    {
        var result = await _pipeline.ImportAsync(_pipeline.Write("x.csv", SourceFiles.Standard), "--source", "nobody");

        Assert.Equal(1, result.Exit);
        Assert.Contains("There is no source 'nobody'", result.Lines[0].GetProperty("message").GetString());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }

    [Fact]
    public async Task SourceThatSendsOneKind_refusesAFileOfAnother()
    {
        Assert.Equal(0, (await SourcesAsync("set", "franchise", "--kinds", "refunds")).Exit);

        var result = await _pipeline.ImportAsync(_pipeline.Write("day.csv", SourceFiles.Standard), "--source", "franchise");

        Assert.Equal("refused", result.Lines[0].GetProperty("status").GetString());
        Assert.Contains("Missing required columns: RefundId", result.Lines[0].GetProperty("message").GetString());
    }
}
