using System.Diagnostics;
using System.Globalization;
using RetailInsights.Core.Clustering;
using RetailInsights.Core.Segmentation;

namespace RetailInsights.Benchmarks;

/// <summary>RFM scoring, segments and K-Means with k chosen over 2..10 on synthetic customers (target: 100,000 under 10 s).</summary>
public sealed class SegmentationBenchmark : IBenchmark
{
    public string Name => "segments";

    public string Description => "RFM scores + segments + K-Means (k = 2..10) on N synthetic customers [N, default 100000]";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var random = new Random(42);
        // Skewed like real shops: most customers buy once or twice and spend little, a few buy weekly and spend a lot.
        var customers = Enumerable.Range(0, n).Select(i =>
        {
            var frequency = 1 + (int)Math.Floor(-Math.Log(1 - random.NextDouble()) * 2.5);
            var monetary = Math.Round((decimal)(frequency * 20 * Math.Exp(random.NextDouble() * 2)), 2);
            return new RfmValues(i.ToString(CultureInfo.InvariantCulture), 1 + random.Next(365), frequency, monetary);
        }).ToList();

        var clock = Stopwatch.StartNew();
        var scores = RfmScorer.Score(customers);
        var scoring = clock.Elapsed.TotalSeconds;
        var clustering = CustomerClusterer.Cluster(customers, cancellationToken: cancellationToken);
        var total = clock.Elapsed.TotalSeconds;

        Console.WriteLine($"customers {n:N0}: {scores.Select(s => s.Segment.Name).Distinct().Count()} segments, k = {clustering.ChosenK}, {clustering.Outliers:N0} outliers");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  RFM scores + segments  {scoring,8:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  K-Means k = 2..10      {total - scoring,8:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  total                  {total,8:F2} s   (target: under 10 s on 2 cores)"));
        return Task.FromResult(0);
    }
}
