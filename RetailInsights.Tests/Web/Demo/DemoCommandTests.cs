using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Dashboards.Overview;
using RetailInsights.Web.Dashboards.Refunds;

namespace RetailInsights.Tests.Web.Demo;

/// <summary>`demo` generates real files and loads them into a real database; what lands must add up to the files.</summary>
[Trait("Tier", "database")]
public sealed class DemoCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync();
        _directory = Path.Combine(Path.GetTempPath(), "ri-demo-" + Guid.NewGuid().ToString("N"));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Demo_emptyDatabase_loadsEveryFileAndTheFiguresMatchTheFiles()
    {
        var (exit, output) = await RunAsync("demo", "--days", "7", "--seed", "5", "--dir", _directory);
        Assert.True(exit == 0, output);

        var sales = Directory.GetFiles(_directory, "transactions_*.csv").SelectMany(f => SimpleCsv.Read(f).Rows).ToList();
        var refundRows = Directory.GetFiles(_directory, "refunds_*.csv").SelectMany(f => SimpleCsv.Read(f).Rows).ToList();
        var saleLines = sales.Where(r => !r["Invoice"].StartsWith('C')).ToList();
        var cancelLines = sales.Where(r => r["Invoice"].StartsWith('C')).ToList();
        decimal Amount(Dictionary<string, string> r) =>
            decimal.Parse(r["Quantity"], CultureInfo.InvariantCulture) * decimal.Parse(r["Price"], CultureInfo.InvariantCulture);

        await using var db = _database.CreateDbContext();
        Assert.Equal(saleLines.Count, await db.Sales.CountAsync());
        Assert.Equal(refundRows.Count + cancelLines.Count, await db.Refunds.CountAsync());
        Assert.Equal(cancelLines.Count, await db.Refunds.CountAsync(r => r.Reason == "cancelled_invoice"));
        Assert.Equal(saleLines.Sum(Amount), await db.Sales.SumAsync(s => s.LineAmount));
        Assert.Equal(saleLines.Count(r => r["Customer ID"] == ""), await db.Sales.CountAsync(s => s.CustomerId == null));
        Assert.Equal(saleLines.Count(r => r["StockCode"].EndsWith("-FEE")), await db.Sales.CountAsync(s => s.IsNonProduct));
        Assert.All(await db.Uploads.ToListAsync(), u => Assert.Equal(("loaded", u.RowsRead), (u.Status, u.RowsAccepted)));

        // The Overview's figures, from the summaries the loads kept, equal the files.
        var overview = new OverviewQueries(new DashboardDatabase(_database.DataSource, Options.Create(new DashboardOptions())));
        var dates = sales.Concat(refundRows).Select(r => DateOnly.FromDateTime(DateTime.Parse(r.TryGetValue("InvoiceDate", out var d) ? d : r["RefundedAt"],
            CultureInfo.InvariantCulture))).ToList();
        var everything = new DashboardFilter { From = dates.Min(), To = dates.Max() };
        var result = await overview.KpisAsync(everything, CancellationToken.None);
        var kpis = result.Current;
        Assert.Equal(saleLines.Sum(Amount), kpis.Gross);
        Assert.Equal(refundRows.Sum(r => decimal.Parse(r["Amount"], CultureInfo.InvariantCulture)) - cancelLines.Sum(Amount), kpis.Refunds);
        Assert.Equal(saleLines.Select(r => r["Invoice"]).Distinct().Count(), kpis.Transactions);
        Assert.Equal(saleLines.Where(r => r["Customer ID"] != "").Select(r => r["Customer ID"]).Distinct().Count(), kpis.Customers);
        Assert.Equal(kpis.Gross, result.Days.Sum(d => d.Gross));
        Assert.Equal(kpis.Refunds, result.Days.Sum(d => d.Refunds));
        Assert.Equal(everything.Days, result.Days.Count);

        // The Refunds page's figures, from the same summaries, equal the files too.
        var refunds = new RefundQueries(new DashboardDatabase(_database.DataSource, Options.Create(new DashboardOptions())));
        var headline = await refunds.HeadlineAsync(everything, CancellationToken.None);
        Assert.Equal((refundRows.Count + cancelLines.Count, kpis.Refunds, kpis.Gross),
            (headline.Current.Refunds, headline.Current.Refunded, headline.Current.Sold));
        Assert.Equal(kpis.Refunds, headline.Days.Sum(d => d.Totals.Refunded));
        Assert.Equal(everything.Days, headline.Days.Count);

        var byReason = await refunds.ByReasonAsync(everything, CancellationToken.None);
        Assert.Equal(refundRows.Count + cancelLines.Count, byReason.Rows.Sum(r => r.Totals.Refunds));
        Assert.Equal(kpis.Refunds, byReason.Rows.Sum(r => r.Totals.Refunded));
        Assert.Equal(cancelLines.Count, byReason.Rows.Single(r => r.Key == "cancelled_invoice").Totals.Refunds);
        foreach (var reason in byReason.Rows.Where(r => r.Key != "cancelled_invoice"))
            Assert.Equal(refundRows.Where(r => r["Reason"] == reason.Key).Sum(r => decimal.Parse(r["Amount"], CultureInfo.InvariantCulture)),
                reason.Totals.Refunded);

        var byStore = await refunds.ByStoreAsync(everything, CancellationToken.None);
        Assert.Equal((kpis.Refunds, kpis.Gross), (byStore.Rows.Sum(r => r.Totals.Refunded), byStore.Rows.Sum(r => r.Totals.Sold)));

        var byProduct = await refunds.ByProductAsync(everything, CancellationToken.None);
        Assert.Equal(RefundQueries.ProductsShown, byProduct.Rows.Count);
        Assert.Equal(byProduct.Rows.OrderByDescending(r => r.Totals.Refunded).Select(r => r.Key), byProduct.Rows.Select(r => r.Key));
        var top = byProduct.Rows[0];
        decimal RefundedInFiles(string stockCode) =>
            refundRows.Where(r => r["StockCode"] == stockCode).Sum(r => decimal.Parse(r["Amount"], CultureInfo.InvariantCulture))
            - cancelLines.Where(r => r["StockCode"] == stockCode).Sum(Amount);
        Assert.Equal(RefundedInFiles(top.Key), top.Totals.Refunded);
        Assert.Equal(saleLines.Where(r => r["StockCode"] == top.Key).Sum(Amount), top.Totals.Sold);
        Assert.Equal(sales.Select(r => r["StockCode"]).Concat(refundRows.Select(r => r["StockCode"])).Distinct().Max(RefundedInFiles), top.Totals.Refunded);
    }

    [Fact]
    public async Task Demo_secondRun_changesNothing()
    {
        await RunAsync("demo", "--days", "3", "--dir", _directory);
        await using var db = _database.CreateDbContext();
        var sales = await db.Sales.CountAsync();

        var (again, output) = await RunAsync("demo", "--days", "3", "--dir", _directory);
        var (forced, forcedOutput) = await RunAsync("demo", "--days", "3", "--dir", _directory, "--force");

        Assert.Equal(0, again);
        Assert.Contains("already holds", output);
        Assert.Equal(0, forced);
        Assert.Contains("Loaded 0 files", forcedOutput);
        Assert.Equal(sales, await db.Sales.CountAsync());
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = _database.ConnectionString,
        }).Build();
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, output, configuration);
        return (exit, output.ToString());
    }
}
