using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Dashboards.Baskets;
using RetailInsights.Web.Dashboards.Segments;
using RetailInsights.Web.Dashboards.Segments.Customer;
using RetailInsights.Web.Dashboards.Quality;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Dashboards.Overview;
using RetailInsights.Web.Dashboards.Refunds;
using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Benchmarks;

/// <summary>
/// What each dashboard page asks the database for one view: every card's query, side by side as the page runs them.
/// A page added to the app adds its line here.
/// </summary>
internal static class PageLoads
{
    public sealed record Page(string Name, Func<IServiceProvider, DashboardFilter, CancellationToken, Task> Load);

    public static readonly IReadOnlyList<Page> All =
    [
        new("Overview", (services, filter, token) =>
        {
            var overview = services.GetRequiredService<OverviewQueries>();
            return Task.WhenAll(overview.KpisAsync(filter, token), overview.RevenueByCategoryAsync(filter, token),
                overview.TopProductsAsync(filter, token), overview.FreshnessAsync(token));
        }),
        new("Stores", async (services, filter, token) =>
        {
            var unusual = services.GetRequiredService<UnusualDayQueries>();
            await Task.WhenAll(services.GetRequiredService<StoreSummaryQueries>().SummariesAsync(filter, token),
                services.GetRequiredService<StoreTrendQueries>().TrendsAsync(filter, token),
                services.GetRequiredService<StoreHeatMapQueries>().CategoriesAsync(filter, token),
                services.GetRequiredService<StoreHeatMapQueries>().HoursAsync(filter, token),
                unusual.CountsAsync(filter, token));
            // The grid of unusual days asks for its first page once the page has drawn.
            await unusual.PageAsync(filter, null, true, 0, 10, token);
        }),
        new("Baskets", async (services, filter, token) =>
        {
            var rules = services.GetRequiredService<RuleQueries>();
            if (await services.GetRequiredService<AnalyticsResults>().LatestAsync(token) is not { } run)
                return;
            var view = new RuleView { MinLift = 1 + filter.From.Day % 3 * 0.5 };
            await rules.LiftRangeAsync(run.RunId, token);
            await Task.WhenAll(rules.CountsAsync(run.RunId, view, token), rules.TopByLiftAsync(run.RunId, view, token),
                rules.BoughtWithAsync(run.RunId, view, token), rules.PageAsync(run.RunId, view, null, filter.From.Day % 4, 25, token));
        }),
        new("Segments", async (services, filter, token) =>
        {
            var segments = services.GetRequiredService<SegmentQueries>();
            if (await services.GetRequiredService<AnalyticsResults>().LatestAsync(token) is not { } run)
                return;
            await Task.WhenAll(segments.CellsAsync(run.RunId, token), segments.ClustersAsync(run.RunId, token),
                segments.KChoicesAsync(run.RunId, token), segments.ScatterAsync(run.RunId, token), segments.MigrationAsync(run.RunId, token),
                services.GetRequiredService<CustomerListQuery>().PageAsync(run.RunId, new CustomerSelection(), null, false, filter.From.Day % 4, 25, token));
        }),
        new("Customer", async (services, filter, token) =>
        {
            var customers = services.GetRequiredService<CustomerQueries>();
            var codes = await CustomerCodesAsync(services, token);
            var code = codes[filter.From.DayNumber % codes.Count];
            var profile = await customers.ProfileAsync(code, token);
            var history = customers.HistoryAsync(code, token);
            if (profile?.CustomerId is not { } id)
            {
                await history;
                return;
            }
            await Task.WhenAll(history, customers.TotalsAsync(id, token), customers.SpendByWeekAsync(id, token), customers.InvoicesAsync(id, token),
                customers.TopProductsAsync(id, token), customers.RefundsAsync(id, token));
        }),
        new("Data quality", (services, filter, token) =>
        {
            var quality = services.GetRequiredService<QualityQueries>();
            return Task.WhenAll(quality.TotalsAsync(filter, token), quality.LoadsAsync(filter, token), quality.ReasonsAsync(filter, token),
                quality.CompletenessAsync(filter, token), quality.FreshnessAsync(filter, token), quality.RecentFailuresAsync(filter, token));
        }),
        new("Refunds", (services, filter, token) =>
        {
            var refunds = services.GetRequiredService<RefundQueries>();
            return Task.WhenAll(refunds.HeadlineAsync(filter, token), refunds.ByProductAsync(filter, token), refunds.ByStoreAsync(filter, token),
                refunds.ByReasonAsync(filter, token), refunds.LargestAsync(filter, token));
        }),
    ];

    private static List<string>? _customerCodes;

    /// <summary>Customers to open, spread over the table: every thousandth by id.</summary>
    private static async Task<List<string>> CustomerCodesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (_customerCodes is { } known)
            return known;
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT customer_code FROM dim_customer WHERE customer_id % 1000 = 7 ORDER BY customer_id LIMIT 500");
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            codes.Add(reader.GetString(0));
        return _customerCodes = codes.Count > 0 ? codes : ["none"];
    }
}
