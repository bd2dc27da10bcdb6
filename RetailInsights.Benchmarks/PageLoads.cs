using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Dashboards.Overview;

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
    ];
}
