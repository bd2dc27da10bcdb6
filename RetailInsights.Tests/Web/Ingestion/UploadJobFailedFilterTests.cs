using System.Text;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>
/// When Hangfire gives up on a load after its last retry, the upload ends failed with the reason: through the app's own
/// job filters, on Hangfire's real storage and state machine (no server runs here, so the job waits to be failed).
/// </summary>
[Trait("Tier", "database")]
public sealed class UploadJobFailedFilterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _app = new AppFactory(_database, ("Hangfire:RunServer", "false"));
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(long UploadId, string JobId)> QueuedUploadAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UploadIntake>().AcceptAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01,2\n")),
            new IntakeRequest("day.csv", "manager"), null, enqueue: false, CancellationToken.None);
        var uploadId = result.UploadId;
        var jobId = _app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ImportUploadJob>(job => job.RunAsync(uploadId, CancellationToken.None));
        return (uploadId, jobId);
    }

    [Fact]
    public async Task LastRetryFails_uploadEndsFailedWithTheReason()
    {
        var (uploadId, jobId) = await QueuedUploadAsync();
        var storage = _app.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
            connection.SetJobParameter(jobId, "RetryCount", "3");

        var failed = _app.Services.GetRequiredService<IBackgroundJobClient>()
            .ChangeState(jobId, new FailedState(new IOException("No space left on device")), EnqueuedState.StateName);

        Assert.True(failed);
        Assert.Equal("failed", await _database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {uploadId}"));
        Assert.Contains("No space left on device", await _database.ScalarAsync<string>($"SELECT error_text FROM uploads WHERE upload_id = {uploadId}"));
    }

    [Fact]
    public async Task AFailureWithRetriesLeft_isRetried_andTheUploadWaits()
    {
        var (uploadId, jobId) = await QueuedUploadAsync();

        _app.Services.GetRequiredService<IBackgroundJobClient>()
            .ChangeState(jobId, new FailedState(new IOException("connection reset")), EnqueuedState.StateName);

        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Equal(ScheduledState.StateName, connection.GetStateData(jobId).Name);
        Assert.Equal("queued", await _database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {uploadId}"));
    }
}
