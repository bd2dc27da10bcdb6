using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace RetailInsights.Benchmarks;

/// <summary>
/// A page's time in a real browser (Debian's Chromium), signed in, from the request until every card shows its
/// figures; the first visit warms the server, the median of the next ones is printed.
/// </summary>
public sealed class BrowserPageBenchmark : IBenchmark
{
    public string Name => "browser";

    public string Description => "a page in Chromium until its cards are ready: BASE_URL EMAIL PASSWORD [PATH=/] [visits=10]";

    private const string Ready = "() => window.Blazor !== undefined && document.querySelector('[data-card]') !== null " +
        "&& document.querySelector('[data-state=loading]') === null && document.querySelector('.mud-nav-link') !== null";

    private const string WhatIsMissing = "() => `Blazor ${window.Blazor !== undefined ? 'started' : 'not loaded'}, ` + " +
        "`cards ${document.querySelectorAll('[data-card]').length}, loading: ` + " +
        "[...document.querySelectorAll('[data-state=loading]')].map(c => c.getAttribute('data-card') ?? c.id ?? '?').join(', ') + " +
        "`, nav ${document.querySelector('.mud-nav-link') !== null}, reconnect shown ${document.querySelector('#components-reconnect-modal') !== null}`";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 3)
        {
            Console.WriteLine($"usage: browser {Description.Split(": ")[1]}");
            return 2;
        }
        var (baseUrl, email, password) = (args[0].TrimEnd('/'), args[1], args[2]);
        var path = args.Length > 3 ? args[3] : "/";
        var visits = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10;
        await using var browser = await SignedInBrowser.OpenAsync(baseUrl, email, password, 120_000);
        var page = browser.Page;
        var times = new List<double>();
        var requests = new VisitRequests(page);
        for (var visit = 0; visit <= visits; visit++)
        {
            requests.Restart();
            await page.GotoAsync(baseUrl + path, new() { WaitUntil = WaitUntilState.Commit });
            string? stalled = null;
            try
            {
                await page.WaitForFunctionAsync(Ready, null, new() { Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                stalled = await page.EvaluateAsync<string>(WhatIsMissing);
                await page.WaitForFunctionAsync(Ready);
            }
            var elapsed = requests.Elapsed;
            if (visit > 0)
                times.Add(elapsed.TotalMilliseconds);
            if (elapsed > TimeSpan.FromSeconds(3))
                requests.Print($"visit {visit} took {elapsed.TotalMilliseconds:F0} ms; at 3 s: {stalled}");
        }
        Console.WriteLine($"  each visit, in order (ms): {string.Join(" ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}");
        times.Sort();
        Console.WriteLine($"  {path} in Chromium until every card is ready: median {times[times.Count / 2]:F0} ms, worst {times[^1]:F0} ms ({visits} visits)");
        return 0;
    }
}
