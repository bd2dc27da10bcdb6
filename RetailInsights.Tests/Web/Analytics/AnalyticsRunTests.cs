using System.Globalization;
using System.Text.Json;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Analytics;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Analytics;

/// <summary>Analytics runs on the real Online Retail sample loaded through the pipeline: results, history, failures, back-fills.</summary>
[Trait("Tier", "database")]
public sealed class AnalyticsRunTests(OnlineRetailSampleFixture sample) : IClassFixture<OnlineRetailSampleFixture>
{
    private async Task<(int Exit, JsonElement Summary, string Output)> AnalyzeAsync(PipelineFixture pipeline, params string[] args)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["analyze", .. args], output, output,
            pipeline.Configuration(("Analytics:MaxItemsets", "100000")));
        var json = output.ToString().Split('\n').First(l => l.StartsWith('{'));
        return (exit, JsonDocument.Parse(json).RootElement.Clone(), output.ToString());
    }

    [Fact]
    public async Task Analyze_storesRulesSegmentsAndClusters_andExportsWriteThem()
    {
        var (exit, summary, output) = await AnalyzeAsync(sample.Pipeline, "--min-support", "0.02", "--min-confidence", "0.3");

        Assert.True(exit == 0, output);
        Assert.Equal("succeeded", summary.GetProperty("status").GetString());
        Assert.Equal("2025-07-24", summary.GetProperty("as_of").GetString());
        Assert.Equal(1036, summary.GetProperty("customers").GetInt32());
        Assert.InRange(summary.GetProperty("chosen_k").GetInt32(), 2, 10);
        Assert.True(summary.GetProperty("rules").GetInt32() > 100);
        var runId = summary.GetProperty("run").GetInt64();
        var database = sample.Pipeline.Database;
        Assert.Equal(1036L, await database.ScalarAsync<long>($"SELECT sum(size) FROM run_clusters WHERE run_id = {runId}"));
        Assert.Equal(1036L, await database.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {runId}"));
        // The stored RFM values are R's, customer by customer (spot-check one with duplicate lines in its files).
        Assert.Equal("16|1|1081.66", await database.ScalarAsync<string>(
            $"SELECT recency_days || '|' || frequency || '|' || monetary FROM run_customers WHERE run_id = {runId} AND customer_code = '12439'"));

        var rulesPath = Path.Combine(sample.Pipeline.Folder, "rules.csv");
        var segmentsPath = Path.Combine(sample.Pipeline.Folder, "segments.csv");
        var configuration = sample.Pipeline.Configuration();
        Assert.Equal(0, await CommandLine.RunAsync(["export", "rules", "--out", rulesPath], TextWriter.Null, TextWriter.Null, configuration));
        Assert.Equal(0, await CommandLine.RunAsync(["export", "segments", "--out", segmentsPath], TextWriter.Null, TextWriter.Null, configuration));
        var rules = SimpleCsv.Read(rulesPath);
        var segments = SimpleCsv.Read(segmentsPath);
        Assert.Equal(summary.GetProperty("rules").GetInt32(), rules.Rows.Count);
        Assert.Contains("lift", rules.Header);
        Assert.Equal(1036, segments.Rows.Count);
        Assert.Equal(["customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment", "cluster", "p_alive", "churn_risk",
            "churn_band", "expected_spend", "predicted_value", "expected_next_order"], segments.Header);
    }

    [Fact]
    public async Task FailingRun_saysWhy_andThePreviousResultsStay()
    {
        var (firstExit, first, _) = await AnalyzeAsync(sample.Pipeline, "--min-support", "0.03", "--min-confidence", "0.1");
        var (exit, failed, _) = await AnalyzeAsync(sample.Pipeline, "--min-support", "0.005");
        var latest = await new AnalyticsResults(new DbContextFactoryForTests(sample.Pipeline.Database)).LatestAsync(CancellationToken.None);

        Assert.Equal(0, firstExit);
        Assert.Equal(1, exit);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("Raise the min support", failed.GetProperty("error").GetString());
        Assert.True(latest!.RunId >= first.GetProperty("run").GetInt64());
        Assert.NotEqual(failed.GetProperty("run").GetInt64(), latest.RunId);
        Assert.Equal("succeeded", latest.Status);
    }

    [Fact]
    public async Task BackFill_asOfAnEarlierDay_equalsARunMadeOnThatDay()
    {
        await using var earlier = new PipelineFixture();
        await earlier.InitializeAsync();
        var days = Directory.GetFiles(ReferenceData.Path("online-retail-sample", "daily"))
            .Where(f => string.CompareOrdinal(Path.GetFileName(f), "2025-07-10") < 0).ToArray();
        Assert.Equal(0, (await earlier.ImportAsync([.. days, "--store", "ONLINE"])).Exit);

        var (_, backFill, _) = await AnalyzeAsync(sample.Pipeline, "--as-of", "2025-07-10", "--min-support", "0.03", "--min-confidence", "0.2");
        var (_, thatDay, _) = await AnalyzeAsync(earlier, "--min-support", "0.03", "--min-confidence", "0.2");

        Assert.Equal("2025-07-10", thatDay.GetProperty("as_of").GetString());
        Assert.Equal(thatDay.GetProperty("customers").GetInt32(), backFill.GetProperty("customers").GetInt32());
        Assert.Equal(thatDay.GetProperty("rules").GetInt32(), backFill.GetProperty("rules").GetInt32());
        Assert.Equal(thatDay.GetProperty("chosen_k").GetInt32(), backFill.GetProperty("chosen_k").GetInt32());
        const string customers = "SELECT string_agg(customer_code || ':' || recency_days || '/' || frequency || '/' || monetary || '/' || r || f || m || '/' || segment || '/' || cluster, ';' ORDER BY customer_code) FROM run_customers WHERE run_id = ";
        const string rules = "SELECT string_agg(array_to_string(antecedent, '+') || '>' || array_to_string(consequent, '+') || '@' || round(lift::numeric, 9), ';' ORDER BY rule_no) FROM run_rules WHERE run_id = ";
        Assert.Equal(await earlier.Database.ScalarAsync<string>(customers + thatDay.GetProperty("run").GetInt64()),
            await sample.Pipeline.Database.ScalarAsync<string>(customers + backFill.GetProperty("run").GetInt64()));
        Assert.Equal(await earlier.Database.ScalarAsync<string>(rules + thatDay.GetProperty("run").GetInt64()),
            await sample.Pipeline.Database.ScalarAsync<string>(rules + backFill.GetProperty("run").GetInt64()));
    }

    [Fact]
    public async Task SecondRun_showsSegmentMigration_andMarketingDownloadsTheLatestResults_butOnlyAManagerTheBaskets()
    {
        var (_, earlier, _) = await AnalyzeAsync(sample.Pipeline, "--as-of", "2025-07-16", "--min-support", "0.03", "--min-confidence", "0.2");
        var (_, latest, _) = await AnalyzeAsync(sample.Pipeline, "--min-support", "0.03", "--min-confidence", "0.2");
        var queries = new RetailInsights.Web.Dashboards.Segments.SegmentQueries(new RetailInsights.Web.Dashboards.DashboardDatabase(
            sample.Pipeline.Database.DataSource, Microsoft.Extensions.Options.Options.Create(new RetailInsights.Web.Dashboards.DashboardOptions())));

        var migration = await queries.MigrationAsync(latest.GetProperty("run").GetInt64(), CancellationToken.None);

        var previous = migration.PreviousRunId;
        Assert.Equal(earlier.GetProperty("run").GetInt64(), previous);
        var changed = migration.Moves.Where(m => m.From != m.To && m.From != CustomerSelection.NotScoredBefore).ToList();
        Assert.NotEmpty(changed);
        Assert.Equal(await sample.Pipeline.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM run_customers a JOIN run_customers b USING (customer_code)
            WHERE a.run_id = {latest.GetProperty("run").GetInt64()} AND b.run_id = {previous} AND a.segment <> b.segment
            """), changed.Sum(m => m.Customers));

        await using var app = new AppFactory(sample.Pipeline.Database);
        var marketing = await SignedInClient.ForRoleAsync(app, RetailInsights.Web.Security.Roles.Marketing);
        var csv = await marketing.GetStringAsync(RunDownloads.SegmentsPath);
        Assert.StartsWith("customer_id,recency_days,frequency,monetary,r,f,m,segment,cluster", csv);
        Assert.Equal(latest.GetProperty("customers").GetInt32() + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(await sample.Pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'export' AND target LIKE 'segments of run%'") >= 1);
        // The baskets are line-level data: Marketing is denied them, a manager downloads them.
        using var denied = await marketing.GetAsync(RunDownloads.BasketsPath);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith(RetailInsights.Web.Security.SecurityRegistration.AccessDeniedPath, denied.Headers.Location!.AbsolutePath);
        var manager = await SignedInClient.ForRoleAsync(app, RetailInsights.Web.Security.Roles.Manager);
        var baskets = await manager.GetStringAsync(RunDownloads.BasketsPath);
        Assert.StartsWith("Invoice,StockCode", baskets);
        Assert.Equal(latest.GetProperty("baskets").GetInt32(),
            baskets.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
    }

    [Fact]
    public async Task Marketing_drillsIntoACustomer_andDownloadsOneSegmentForACampaign()
    {
        var (_, summary, _) = await AnalyzeAsync(sample.Pipeline, "--min-support", "0.03", "--min-confidence", "0.2");
        var runId = summary.GetProperty("run").GetInt64();
        var db = sample.Pipeline.Database;
        var segment = await db.ScalarAsync<string>($"SELECT segment FROM run_customers WHERE run_id = {runId} GROUP BY segment ORDER BY count(*) DESC LIMIT 1");
        var code = await db.ScalarAsync<string>($"SELECT customer_code FROM run_customers WHERE run_id = {runId} AND segment = '{segment}' ORDER BY monetary DESC LIMIT 1");
        var lastInvoice = await db.ScalarAsync<string>($"""
            SELECT f.invoice FROM fact_sales f JOIN dim_customer c USING (customer_id) WHERE c.customer_code = '{code}'
            ORDER BY f.invoiced_at DESC LIMIT 1
            """);
        await using var app = new AppFactory(db);
        var marketing = await SignedInClient.ForRoleAsync(app, RetailInsights.Web.Security.Roles.Marketing);

        var page = System.Net.WebUtility.HtmlDecode(await marketing.GetStringAsync(RetailInsights.Web.Dashboards.Segments.SegmentsPage.CustomerPath(code)));
        var campaign = await marketing.GetStringAsync(RunDownloads.SegmentPath(segment));
        var unknown = await marketing.GetAsync(RunDownloads.SegmentPath("Big Spenders"));
        var nobody = System.Net.WebUtility.HtmlDecode(await marketing.GetStringAsync("/customers/NO-SUCH-CUSTOMER"));

        Assert.Contains($"Segment in run #{runId}", page);
        Assert.Contains(segment, page);
        Assert.Contains(lastInvoice, page);
        Assert.Contains(RetailInsights.Core.Segmentation.RfmSegmentRules.Table.Single(s => s.Name == segment).Action, page);
        var rows = campaign.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(await db.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {runId} AND segment = '{segment}'"), rows.Count);
        Assert.All(rows, row => Assert.Contains($",{segment},", row));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        var exported = Path.Combine(sample.Pipeline.Folder, "campaign.csv");
        Assert.Equal(0, await CommandLine.RunAsync(["export", "segments", "--segment", segment, "--out", exported], TextWriter.Null, TextWriter.Null,
            sample.Pipeline.Configuration()));
        Assert.Equal(campaign, await File.ReadAllTextAsync(exported));
        Assert.Contains("No sale and no analytics run names customer NO-SUCH-CUSTOMER", nobody);
    }

    [Fact]
    public async Task RunAfterUploads_runsOnceForABatch_andSkipsWhenALaterRunCoversTheUploads()
    {
        await using var pipeline = new PipelineFixture();
        await pipeline.InitializeAsync();
        await pipeline.ImportAsync(ReferenceData.Path("online-retail-sample", "daily", "2025-07-01_transactions.csv"), "--store", "ONLINE");
        await using var services = pipeline.AnalyticsServices(("Analytics:MinSupport", "0.05"), ("Analytics:MaxItemsets", "100000"));
        await using var scope = services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<AnalyticsJob>();

        await job.RunAfterUploadsAsync(CancellationToken.None); // the batch's first scheduled run does the work
        await job.RunAfterUploadsAsync(CancellationToken.None); // the batch's later ones find it done
        var afterBatch = await pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM analysis_runs");
        await pipeline.ImportAsync(ReferenceData.Path("online-retail-sample", "daily", "2025-07-02_transactions.csv"), "--store", "ONLINE");
        await job.RunAfterUploadsAsync(CancellationToken.None);

        Assert.Equal(1L, afterBatch);
        Assert.Equal(2L, await pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM analysis_runs WHERE status = 'succeeded'"));
    }
}
