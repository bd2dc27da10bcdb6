using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>The one door for files: the same content taken in once however it races, and bad requests refused before a byte is kept.</summary>
[Trait("Tier", "database")]
public sealed class UploadIntakeTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private readonly PipelineFixture _pipeline = new();
    private ServiceProvider _services = null!;

    private string StagingFolder => Path.Combine(_pipeline.Folder, "staging");

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        _services = _pipeline.IngestionServices();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _pipeline.DisposeAsync();
    }

    private async Task<IntakeResult> AcceptAsync(byte[] content, string uploadedBy, Task start)
    {
        await start;
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UploadIntake>().AcceptAsync(new MemoryStream(content),
            new IntakeRequest("day.csv", uploadedBy), null, enqueue: false, CancellationToken.None);
    }

    [Fact]
    public async Task SameFileTwiceAtOnce_inBothOrders_isTakenInOnce_andTheOtherIsToldWhichUpload()
    {
        for (var round = 0; round < 24; round++)
        {
            var content = Encoding.UTF8.GetBytes(Header + $"{round},A,x,1,2025-07-01 10:00,1.00,C1,UK,S1\n");
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Either door may be first to start; both then race to the insert.
            var (api, dropFolder) = round % 2 == 0
                ? (AcceptAsync(content, "api", gate.Task), AcceptAsync(content, "drop folder", gate.Task))
                : (AcceptAsync(content, "drop folder", gate.Task), AcceptAsync(content, "api", gate.Task));
            gate.SetResult();
            var results = await Task.WhenAll(api, dropFolder);

            var taken = Assert.Single(results, r => r.State == IntakeState.Queued);
            var other = Assert.Single(results, r => r.State != IntakeState.Queued);
            Assert.Equal(IntakeState.InProgress, other.State);
            Assert.Equal(taken.UploadId, other.UploadId);
            Assert.Contains($"being loaded as upload #{taken.UploadId}", other.Message);
        }
        Assert.Equal(24L, await _pipeline.Database.ScalarAsync<long>("SELECT count(DISTINCT sha256) FROM uploads"));
        Assert.Equal(24L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
        Assert.Equal(24, Directory.GetFiles(StagingFolder).Length);
    }

    [Fact]
    public async Task StagedFileLost_loadFailsAtOnceSayingWhatToDo_andTheSameFileCanBeSentAgain()
    {
        var content = Encoding.UTF8.GetBytes(Header + "1,A,x,1,2025-07-01 10:00,1.00,C1,UK,S1\n");
        var first = await AcceptAsync(content, "manager", Task.CompletedTask);
        foreach (var staged in Directory.GetFiles(StagingFolder))
            File.Delete(staged);

        await using var scope = _services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UploadLoader>().LoadAsync(first.UploadId, CancellationToken.None);
        var again = await AcceptAsync(content, "manager", Task.CompletedTask);

        Assert.Equal("failed", outcome.Status);
        Assert.Contains("staged copy of day.csv is missing", outcome.Message);
        Assert.Contains("Upload the file again", outcome.Message);
        Assert.Equal(IntakeState.Queued, again.State);
        Assert.NotEqual(first.UploadId, again.UploadId);
    }

    [Theory]
    [InlineData("store", 65, "store is 65 characters; a store code has at most 64.")]
    [InlineData("retailer", 300, "retailer is 300 characters; a source system code has at most 64.")]
    [InlineData("dateOrder", 12, "dateOrder must be month-first or day-first")]
    [InlineData("kind", 20, "kind must be transactions, refunds, product_catalog or store_locations")]
    public async Task RequestWithAFieldOverItsLimit_isRefusedNamingTheField_beforeAnythingIsWritten(string field, int length, string message)
    {
        var value = new string('x', length);
        var request = field switch
        {
            "store" => new IntakeRequest("day.csv", "manager", DefaultStoreCode: value),
            "retailer" => new IntakeRequest("day.csv", "manager", RetailerCode: value),
            "dateOrder" => new IntakeRequest("day.csv", "manager", DateOrder: value),
            _ => new IntakeRequest("day.csv", "manager", Kind: value),
        };
        await using var scope = _services.CreateAsyncScope();

        var error = await Assert.ThrowsAsync<IntakeRequestException>(() => scope.ServiceProvider.GetRequiredService<UploadIntake>()
            .AcceptAsync(new MemoryStream(Encoding.UTF8.GetBytes(Header)), request, null, enqueue: false, CancellationToken.None));

        Assert.Equal(field, error.Problem.Field);
        Assert.Contains(message, error.Message);
        Assert.False(Directory.Exists(StagingFolder) && Directory.EnumerateFiles(StagingFolder).Any());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }
}
