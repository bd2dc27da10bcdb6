using System.Net;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Web.Dashboards.Overview;

/// <summary>A card whose query fails says so on the card; the page answers and its other cards show their figures.</summary>
[Trait("Tier", "database")]
public sealed class OverviewFailureTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private readonly PipelineFixture _pipeline = new();

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    [Fact]
    public async Task TopProductsQueryFails_itsCardSaysSo_andTheKpisStillShow()
    {
        await _pipeline.ImportAsync(_pipeline.Write("day.csv", Header + "1,P1,Tea,2,2025-07-01 10:00,3.00,C1,UK,S1\n2,P2,Jam,1,2025-07-01 11:00,4.50,C2,UK,S1\n"));
        // Something the product summary's query depends on is gone, as a broken migration or a dropped table would leave it.
        await _pipeline.Database.ExecuteAsync("ALTER TABLE agg_sales_daily RENAME TO agg_sales_daily_moved");
        await using var app = new AppFactory(_pipeline.Database);
        var client = await SignedInClient.ForRoleAsync(app, Roles.Marketing);

        var response = await client.GetAsync("/?from=2025-07-01&to=2025-07-01");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-card=\"top-products\" data-state=\"failed\"", html);
        Assert.Contains("These figures could not be read just now", html);
        Assert.Matches("data-card=\"kpis\" data-state=\"ready\"", html);
        Assert.Matches("data-kpi-exact=\"Gross revenue\"[^>]*>\\s*10.50\\s*<", html);
    }
}
