using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace RetailInsights.Benchmarks;

/// <summary>
/// The time from the event API's answer until an open Live page in Chromium shows the sale: a unique invoice is posted,
/// and the page is watched for its row. Runs beside whatever load is on the app.
/// </summary>
public sealed class LiveLatencyBenchmark : IBenchmark
{
    public string Name => "live-latency";

    public string Description => "answer-to-screen time of the Live page: BASE_URL EMAIL PASSWORD API_KEY [samples=10]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 4)
        {
            Console.WriteLine($"usage: live-latency {Description.Split(": ")[1]}");
            return 2;
        }
        var (baseUrl, email, password, key) = (args[0].TrimEnd('/'), args[1], args[2], args[3]);
        var samples = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10;
        await using var browser = await SignedInBrowser.OpenAsync(baseUrl, email, password, 60_000);
        var page = browser.Page;
        await page.GotoAsync(baseUrl + "/live", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#live-today").WaitForAsync();
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var times = new List<double>();
        for (var sample = 0; sample < samples; sample++)
        {
            var invoice = $"LAT{Guid.NewGuid():N}"[..16];
            var sale = new JsonObject
            {
                ["transaction_id"] = invoice, ["product_id"] = "IND-001", ["store_id"] = "JKT-01", ["amount"] = 1,
                ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            };
            (await client.PostAsJsonAsync("/api/events/transactions?source=latency", new JsonArray(sale), cancellationToken)).EnsureSuccessStatusCode();
            var answered = Stopwatch.StartNew();
            await page.Locator($"#live-sales tr[data-invoice='{invoice}']").WaitForAsync();
            times.Add(answered.Elapsed.TotalMilliseconds);
            await Task.Delay(700, cancellationToken);
        }
        Console.WriteLine($"  each sample, in order (ms): {string.Join(" ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}");
        times.Sort();
        Console.WriteLine($"  Live page shows a posted sale {times[times.Count / 2]:F0} ms after the API's answer (median of {samples}; " +
            $"worst {times[^1]:F0} ms)");
        return 0;
    }
}
