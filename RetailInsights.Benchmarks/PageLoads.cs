using Microsoft.Extensions.DependencyInjection;
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
        new("Refunds", (services, filter, token) =>
        {
            var refunds = services.GetRequiredService<RefundQueries>();
            return Task.WhenAll(refunds.HeadlineAsync(filter, token), refunds.ByProductAsync(filter, token), refunds.ByStoreAsync(filter, token),
                refunds.ByReasonAsync(filter, token), refunds.LargestAsync(filter, token));
        }),
    ];
}
