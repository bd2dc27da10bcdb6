using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RetailInsights.Core.Domain;
using RetailInsights.Core.Generation;

namespace RetailInsights.Web.Live;

/// <summary>What a simulated till fleet sent and what the app answered.</summary>
public sealed record SimulationResult(long Sent, long Acknowledged, long Rejected, long Duplicates, long Failed, double Seconds,
    IReadOnlyList<double> LatenciesMs)
{
    public double Percentile(double p) => LatenciesMs.Count == 0 ? 0
        : LatenciesMs[Math.Min(LatenciesMs.Count - 1, (int)Math.Ceiling(p * LatenciesMs.Count) - 1)];
}

/// <summary>
/// A fleet of tills posting live events at a steady rate: sales from the demo generator (catalog, stores, customers,
/// planted associations) stamped with the current time, and a share of refunds of recent sales, in batches sent side by
/// side so a slow answer does not slow the rate.
/// </summary>
public sealed class PosSimulator(HttpClient client, string source, double refundShare, int seed)
{
    private static readonly string[] Reasons = [.. RefundReasons.FromRefundFiles];
    private readonly Random _random = new(seed);
    private readonly LiveSaleGenerator _sales = new($"S{DateTime.UtcNow:yyMMddHHmmss}-", seed);
    private readonly List<JsonObject> _recent = [];
    private long _refunds;

    public async Task<SimulationResult> RunAsync(int eventsPerSecond, TimeSpan duration, int batchSize, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        long sent = 0, acknowledged = 0, rejected = 0, duplicates = 0, failed = 0;
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var batches = 0L;
        var batchesPerSecond = Math.Max(1.0, eventsPerSecond / (double)batchSize);
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var due = TimeSpan.FromSeconds(batches / batchesPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due, cancellationToken);
            var (transactions, refunds) = NextBatch(batchSize);
            sent += transactions.Count + refunds.Count;
            batches++;
            inFlight.RemoveAll(t => t.IsCompleted);
            foreach (var (path, events) in new[] { ("/api/events/transactions", transactions), ("/api/events/refunds", refunds) })
            {
                if (events.Count == 0)
                    continue;
                inFlight.Add(Task.Run(async () =>
                {
                    var started = Stopwatch.StartNew();
                    try
                    {
                        using var response = await client.PostAsJsonAsync($"{path}?source={Uri.EscapeDataString(source)}", events, cancellationToken);
                        var body = await response.Content.ReadFromJsonAsync<EventApi.EventsResponse>(cancellationToken);
                        lock (latencies)
                        {
                            latencies.Add(started.Elapsed.TotalMilliseconds);
                            if (body is null || (int)response.StatusCode is not (200 or 207))
                                failed += events.Count;
                            else
                            {
                                acknowledged += body.Accepted + body.AlreadyLoaded;
                                duplicates += body.Duplicates;
                                rejected += body.Rejected.Count;
                            }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                    {
                        lock (latencies)
                            failed += events.Count;
                    }
                }, cancellationToken));
            }
        }
        await Task.WhenAll(inFlight);
        latencies.Sort();
        return new SimulationResult(sent, acknowledged, rejected, duplicates, failed, clock.Elapsed.TotalSeconds, latencies);
    }

    /// <summary>About <paramref name="size"/> events: whole invoices (a line each), and refunds of recent lines.</summary>
    private (List<JsonObject> Transactions, List<JsonObject> Refunds) NextBatch(int size)
    {
        var transactions = new List<JsonObject>(size);
        var refunds = new List<JsonObject>();
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        while (transactions.Count + refunds.Count < size)
        {
            if (_recent.Count > 0 && _random.NextDouble() < refundShare)
            {
                var sale = _recent[_random.Next(_recent.Count)];
                refunds.Add(new JsonObject
                {
                    ["refund_id"] = $"R{++_refunds}-{sale["transaction_id"]}",
                    ["original_transaction_id"] = (string?)sale["transaction_id"],
                    ["product_id"] = (string?)sale["product_id"],
                    ["store_id"] = (string?)sale["store_id"],
                    ["customer_id"] = (string?)sale["customer_id"],
                    ["refund_amount"] = (decimal?)sale["amount"],
                    ["reason"] = Reasons[_random.Next(Reasons.Length)],
                    ["timestamp"] = now,
                });
                continue;
            }
            var invoice = _sales.Next();
            for (var line = 0; line < invoice.Lines.Count; line++)
            {
                var item = invoice.Lines[line];
                var sale = new JsonObject
                {
                    ["transaction_id"] = $"{invoice.Invoice}-{line + 1}",
                    ["invoice"] = invoice.Invoice,
                    ["product_id"] = item.StockCode,
                    ["store_id"] = invoice.StoreCode,
                    ["customer_id"] = invoice.CustomerCode,
                    ["quantity"] = item.Quantity,
                    ["unit_price"] = item.UnitPrice,
                    ["amount"] = item.Quantity * item.UnitPrice,
                    ["timestamp"] = now,
                };
                transactions.Add(sale);
                if (_recent.Count < 5000)
                    _recent.Add(sale);
                else
                    _recent[_random.Next(_recent.Count)] = sale;
            }
        }
        return (transactions, refunds);
    }
}
