using Microsoft.Extensions.Options;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>
/// The uploads list's server-side page: filters, sorting and paging done in SQL on uploads brought in through the import
/// command, each page compared with the same question asked of the uploads table directly.
/// </summary>
[Trait("Tier", "database")]
public sealed class UploadQueriesTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private readonly PipelineFixture _pipeline = new();
    private UploadQueries _queries = null!;

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        _queries = new UploadQueries(new DbContextFactoryForTests(_pipeline.Database), Options.Create(new IngestionOptions()), TimeProvider.System);
        for (var day = 1; day <= 5; day++)
            await _pipeline.ImportAsync(_pipeline.Write($"day_{day}.csv", Header + $"{day},P1,Tea,{day},2025-07-0{day} 10:00,3.00,C1,UK,S1\n"));
        await _pipeline.ImportAsync(_pipeline.Write("100%_done.csv", Header + "9,P1,Tea,1,2025-07-09 10:00,3.00,C1,UK,S1\n"));
        await _pipeline.ImportAsync(_pipeline.Write("refunds_1.csv", "RefundId,Invoice,StockCode,Quantity,Amount,Reason,RefundedAt,StoreId,Customer ID\n" +
            "R1,1,P1,1,3.00,defective,2025-07-02 12:00,S1,C1\n"));
        await _pipeline.ImportAsync(_pipeline.Write("broken.csv", Header + "B1,P1,Tea,many,2025-07-01 09:00,3.00,,UK,S1\nB2,,Jam,1,never,4.50,,UK,S1\n"));
    }

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    private async Task<List<long>> IdsAsync(string sql)
    {
        await using var command = _pipeline.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    [Fact]
    public async Task ListAsync_pagesNewestFirst_andEveryPageTogetherIsTheWholeTable()
    {
        var first = await _queries.ListAsync(new UploadListRequest(0, 3), CancellationToken.None);
        var rest = await _queries.ListAsync(new UploadListRequest(1, 3), CancellationToken.None);
        var last = await _queries.ListAsync(new UploadListRequest(2, 3), CancellationToken.None);

        Assert.Equal(8, first.Total);
        Assert.Equal(await IdsAsync("SELECT upload_id FROM uploads ORDER BY upload_id DESC"),
            first.Rows.Concat(rest.Rows).Concat(last.Rows).Select(u => u.UploadId));
        Assert.Equal(2, last.Rows.Count);
        Assert.Empty((await _queries.ListAsync(new UploadListRequest(3, 3), CancellationToken.None)).Rows);
    }

    [Fact]
    public async Task ListAsync_sortsByAShownColumn_tiesNewestFirst_andIgnoresAnyOtherName()
    {
        var byRows = await _queries.ListAsync(new UploadListRequest(0, 100) { SortBy = "RowsRejected", Descending = true }, CancellationToken.None);
        var byName = await _queries.ListAsync(new UploadListRequest(0, 100) { SortBy = "FileName" }, CancellationToken.None);
        var injected = await _queries.ListAsync(new UploadListRequest(0, 100) { SortBy = "upload_id; DROP TABLE uploads" }, CancellationToken.None);

        Assert.Equal(await IdsAsync("SELECT upload_id FROM uploads ORDER BY rows_rejected DESC, upload_id DESC"), byRows.Rows.Select(u => u.UploadId));
        Assert.Equal(await IdsAsync("SELECT upload_id FROM uploads ORDER BY file_name, upload_id DESC"), byName.Rows.Select(u => u.UploadId));
        Assert.Equal(await IdsAsync("SELECT upload_id FROM uploads ORDER BY upload_id DESC"), injected.Rows.Select(u => u.UploadId));
    }

    [Fact]
    public async Task ListAsync_filtersByStatusKindAndFileName_inSql_withTypedWildcardsMatchingThemselves()
    {
        var failed = await _queries.ListAsync(new UploadListRequest(0, 25) { Statuses = ["failed"] }, CancellationToken.None);
        var refunds = await _queries.ListAsync(new UploadListRequest(0, 25) { Kind = "refunds" }, CancellationToken.None);
        var percent = await _queries.ListAsync(new UploadListRequest(0, 25) { FileNameContains = "0%_" }, CancellationToken.None);
        var days = await _queries.ListAsync(new UploadListRequest(0, 2) { FileNameContains = "DAY_", Statuses = ["loaded"], Kind = "transactions" },
            CancellationToken.None);

        Assert.Equal(["broken.csv"], failed.Rows.Select(u => u.FileName));
        Assert.Equal(["refunds_1.csv"], refunds.Rows.Select(u => u.FileName));
        Assert.Equal(["100%_done.csv"], percent.Rows.Select(u => u.FileName));
        Assert.Equal(5, days.Total);
        Assert.Equal(await IdsAsync("SELECT upload_id FROM uploads WHERE file_name ILIKE 'day\\_%' AND status = 'loaded' ORDER BY upload_id DESC LIMIT 2"),
            days.Rows.Select(u => u.UploadId));
        Assert.Equal(0, (await _queries.ListAsync(new UploadListRequest(0, 25) { Statuses = ["stuck"] }, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task ListAsync_aPageOutOfBounds_isHeldToTheFirstPageAndAtLeastOneRow()
    {
        var page = await _queries.ListAsync(new UploadListRequest(-4, 0), CancellationToken.None);

        Assert.Equal(await IdsAsync("SELECT max(upload_id) FROM uploads"), page.Rows.Select(u => u.UploadId));
        Assert.Equal(8, page.Total);
    }
}
