using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Data;
using RetailInsights.Web.Dashboards.Quality;

namespace RetailInsights.Benchmarks;

/// <summary>
/// Times each dashboard page's data queries server side, on the database the environment names
/// (ConnectionStrings__RetailInsights): a hundred views per page with varied filters (ranges of a week to a quarter,
/// all stores, one store, a region, a category, a source), after a few to warm the caches. Prints p50 and p95 per page
/// beside the target.
/// </summary>
public sealed class PagesBenchmark : IBenchmark
{
    public string Name => "pages";

    public string Description => "each dashboard page's queries, 100 views with varied filters: [views=100] [target-ms=100]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var views = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var target = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        await using var services = Services();
        var filters = await FiltersAsync(services, views, cancellationToken);
        Console.WriteLine($"  {"page",-12} {"p50 ms",8} {"p95 ms",8} {"max ms",8}   target p95 < {target} ms");
        foreach (var page in PageLoads.All)
        {
            foreach (var filter in filters.Take(5))
                await page.Load(services, filter, cancellationToken);
            var times = new List<double>();
            foreach (var filter in filters)
            {
                var clock = Stopwatch.StartNew();
                await page.Load(services, filter, cancellationToken);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var p95 = Percentile(times, 0.95);
            Console.WriteLine($"  {page.Name,-12} {Percentile(times, 0.5),8:F1} {p95,8:F1} {times[^1],8:F1}   {(p95 < target ? "met" : "NOT MET")}");
        }
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddRetailInsightsData()
            .AddAnalytics()
            .AddDashboards()
            .BuildServiceProvider();
    }

    /// <summary>Views people ask for, drawn with a fixed seed from what the database holds.</summary>
    private static async Task<List<DashboardFilter>> FiltersAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<DashboardDatabase>().LatestDayAsync(cancellationToken);
        var choices = await scope.ServiceProvider.GetRequiredService<FilterChoiceQueries>().ChoicesAsync(cancellationToken);
        var random = new Random(20261201);
        int[] ranges = [7, 30, 30, 30, 90];
        var filters = new List<DashboardFilter>();
        for (var i = 0; i < count; i++)
        {
            var to = latest.AddDays(-random.Next(0, 60));
            var filter = new DashboardFilter { From = to.AddDays(1 - ranges[random.Next(ranges.Length)]), To = to };
            filter = random.Next(4) switch
            {
                0 when choices.Stores.Count > 0 => filter with { Stores = [choices.Stores[random.Next(choices.Stores.Count)].Code] },
                1 when choices.Regions.Count > 0 => filter with { Region = choices.Regions[random.Next(choices.Regions.Count)] },
                _ => filter,
            };
            if (random.Next(5) == 0 && choices.Categories.Count > 0)
                filter = filter with { Category = choices.Categories[random.Next(choices.Categories.Count)] };
            if (random.Next(10) == 0 && choices.Sources.Count > 0)
                filter = filter with { Source = choices.Sources[random.Next(choices.Sources.Count)] };
            filters.Add(filter);
        }
        return filters;
    }
}
