using Bunit;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Components;
using Npgsql;
using RetailInsights.Web.Security;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>An upload no process finishes is shown as stuck, and an admin can load it again or end it; a live load is left alone.</summary>
[Trait("Tier", "database")]
public sealed class StuckUploadTests : UploadPagesContext
{
    protected override (string User, string Role, string[] Policies) SignedIn =>
        ("admin@test.local", Roles.Admin, [Policies.ManageUploads, Policies.Administer]);

    private async Task<long> StuckUploadAsync(string name, string sha) => await Pipeline.Database.ScalarAsync<long>($"""
        INSERT INTO uploads (file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at, started_at, staged_path)
        VALUES ('{name}', 10, repeat('{sha}', 64), 'transactions', 'loading', 'manager', now() - interval '3 hours',
                now() - interval '2 hours', '/nowhere/{name}')
        RETURNING upload_id
        """);

    [Fact]
    public async Task StuckUpload_isShownStuck_andCancelEndsItFailedWithTheReason()
    {
        var stuck = await StuckUploadAsync("stuck.csv", "c");
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("stuck (loading)", page.Find("#uploads-table").TextContent));

        await page.ClickNowAsync("[data-action=cancel]");

        page.WaitForAssertion(() => Assert.Equal("failed", page.Find("#uploads-table [data-status]").GetAttribute("data-status")));
        Assert.Equal("failed", await Pipeline.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {stuck}"));
        Assert.StartsWith("Cancelled by admin@test.local", await Pipeline.Database.ScalarAsync<string>($"SELECT error_text FROM uploads WHERE upload_id = {stuck}"));
        Assert.Equal(1L, await Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'cancel' AND actor = 'admin@test.local'"));
    }

    [Fact]
    public async Task StuckUploadThatALoadIsWorkingOn_isNotCancelled()
    {
        var busy = await StuckUploadAsync("busy.csv", "d");
        // A live load holds the upload's lock for its whole transaction, as UploadLoader does.
        await using var loader = await Pipeline.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await loader.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({busy})", loader, transaction))
            await take.ExecuteNonQueryAsync();
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("stuck (loading)", page.Find("#uploads-table").TextContent));

        await page.ClickNowAsync("[data-action=cancel]");

        page.WaitForAssertion(() => Assert.Contains("A load of it is running right now", page.Markup));
        Assert.Equal("loading", await Pipeline.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {busy}"));
    }

    [Fact]
    public async Task StuckUpload_retryQueuesItsLoadAgain()
    {
        var stuck = await StuckUploadAsync("again.csv", "e");
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("stuck (loading)", page.Find("#uploads-table").TextContent));

        await page.ClickNowAsync("[data-action=retry]");

        page.WaitForAssertion(() => Assert.Contains("Queued again.", page.Markup));
        Assert.Equal(1L, await Pipeline.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ImportUploadJob%' AND arguments::text LIKE '%{stuck}%'"));
    }

    [Fact]
    public async Task RecentUploadStillLoading_isNotStuck_andOffersNoActions()
    {
        await Pipeline.Database.ExecuteAsync("""
            INSERT INTO uploads (file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at, started_at)
            VALUES ('fresh.csv', 10, repeat('f', 64), 'transactions', 'loading', 'manager', now(), now())
            """);
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("fresh.csv", page.Find("#uploads-table").TextContent));

        Assert.DoesNotContain("stuck", page.Find("#uploads-table").TextContent);
        Assert.Empty(page.FindAll("[data-action]"));
    }
}
