using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Support.Hostile;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>The 1 KB workbook through the running app's upload API and Hangfire's job: refused at once, the worker free.</summary>
[Trait("Tier", "database")]
public sealed class HostileUploadTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheGapBombWorkbook_isRefusedInUnderFiveSeconds_andACsvSentRightAfterLoads()
    {
        var client = await SignedInClient.WithApiKeyAsync(fixture.App, "hostile");
        var path = Path.Combine(Path.GetTempPath(), $"ri-gap-{Guid.NewGuid():N}.xlsx");
        HostileWorkbooks.WriteGapBomb(path);
        var bomb = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        var csv = Encoding.UTF8.GetBytes(HostileCorpus.GoodCsv(2100));

        var clock = Stopwatch.StartNew();
        var posted = await client.PostAsync("/api/uploads", UploadApiRequests.Form(bomb,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "gap.xlsx"));
        var bombId = (await posted.Content.ReadFromJsonAsync<UploadApi.UploadAcceptedResponse>())!.Id;
        var refused = await UploadApiRequests.WaitForFinishAsync(client, bombId, TimeSpan.FromSeconds(30));
        var refusedAfter = clock.Elapsed;
        var next = await client.PostAsync("/api/uploads", UploadApiRequests.Form(csv, "text/csv", "after-the-bomb.csv"));
        var loaded = await UploadApiRequests.WaitForFinishAsync(client,
            (await next.Content.ReadFromJsonAsync<UploadApi.UploadAcceptedResponse>())!.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal("refused", refused.Status);
        Assert.True(refusedAfter < TimeSpan.FromSeconds(5), $"refused after {refusedAfter.TotalSeconds:F1} s");
        Assert.Contains("more than the 1,024 columns", refused.Error);
        Assert.Equal(("loaded", 5L), (loaded.Status, loaded.Accepted));
    }
}
