using RetailInsights.Web.Dashboards.Baskets;
using RetailInsights.Web.Dashboards.Overview;
using RetailInsights.Web.Dashboards.Quality;
using RetailInsights.Web.Dashboards.Refunds;
using RetailInsights.Web.Dashboards.Segments;
using RetailInsights.Web.Dashboards.Segments.Customer;
using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Web.Dashboards;

public static class DashboardsRegistration
{
    /// <summary>The queries behind the dashboard pages: Overview, Baskets, Segments, Refunds, Stores, Data quality.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section);
        services.AddScoped<DashboardDatabase>();
        services.AddScoped<Filters.FilterChoiceQueries>();
        services.AddScoped<OverviewQueries>();
        services.AddScoped<RuleQueries>();
        services.AddScoped<StoreSummaryQueries>();
        services.AddScoped<StoreTrendQueries>();
        services.AddScoped<StoreHeatMapQueries>();
        services.AddScoped<UnusualDayQueries>();
        services.AddScoped<RefundQueries>();
        services.AddScoped<CustomerQueries>();
        services.AddScoped<SegmentQueries>();
        services.AddScoped<CustomerListQuery>();
        services.AddScoped<QualityQueries>();
        return services;
    }
}
