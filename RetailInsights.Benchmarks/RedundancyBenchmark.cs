using System.Diagnostics;
using System.Globalization;
using RetailInsights.Core.Mining;

namespace RetailInsights.Benchmarks;

/// <summary>
/// The redundancy filter (<see cref="RuleRedundancy"/>) on rule sets from the reference data, up to about a million
/// rules: the median of several runs after a warm-up, with the rules already in memory as the run's writer has them.
/// </summary>
public sealed class RedundancyBenchmark : IBenchmark
{
    public string Name => "redundancy";

    public string Description => "the redundant-rule filter on Groceries and the Online Retail sample at low supports (up to ~1M rules)";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var groceries = BasketSet.FromBaskets(File.ReadLines(DataFiles.Path("groceries", "groceries_baskets.csv"))
            .Where(l => l.Length > 0).Select(l => l.Split(',')));
        var retail = BasketSet.FromPairs(File.ReadLines(DataFiles.Path("online-retail-sample", "reference", "baskets_long.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(f => (f[0].Trim('"'), f[1].Trim('"'))));
        Console.WriteLine($"{"case",-36} {"rules",9} {"redundant",9} {"max lhs",7} {"wall (s)",9} {"cpu (s)",8}");
        Run("Groceries 0.001/0.5", groceries, 0.001, 0.5);
        Run("Groceries 0.0003/0.1", groceries, 0.0003, 0.1);
        Run("Groceries 0.0002/0.5", groceries, 0.0002, 0.5);
        Run("Online Retail sample 0.011/0.2", retail, 0.011, 0.2);
        return Task.FromResult(0);
    }

    private static void Run(string name, BasketSet baskets, double support, double confidence)
    {
        var options = new MiningOptions
        {
            MinSupport = support, MinConfidence = confidence, MinLift = null, MaxItemsets = 20_000_000, MaxRules = 5_000_000,
            Timeout = TimeSpan.FromMinutes(30),
        };
        var rules = new FpGrowthMiner().Mine(baskets, options).Rules;
        var result = RuleRedundancy.Assess(rules);
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            process.Refresh();
            var processor = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = RuleRedundancy.Assess(rules);
            times.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - processor).TotalSeconds);
        }
        times.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} {rules.Count,9:N0} {result.RedundantCount,9:N0} {rules.Max(r => r.Antecedent.Length),7} {times[times.Count / 2],9:F3} {cpu[cpu.Count / 2],8:F3}"));
    }
}
