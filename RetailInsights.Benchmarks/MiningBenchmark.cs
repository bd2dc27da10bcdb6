using System.Diagnostics;
using System.Globalization;
using RetailInsights.Core.Mining;

namespace RetailInsights.Benchmarks;

/// <summary>
/// Mining time inside the process with the baskets already in memory (as the arules reference was measured), the
/// median of several runs after a warm-up, side by side with arules on a machine of our size.
/// </summary>
public sealed class MiningBenchmark : IBenchmark
{
    public string Name => "mining";

    public string Description => "FP-Growth on Groceries and the Online Retail sample vs arules' reference timings [--baskets FILE Invoice,StockCode]";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var groceries = BasketSet.FromBaskets(File.ReadLines(DataFiles.Path("groceries", "groceries_baskets.csv"))
            .Where(l => l.Length > 0).Select(l => l.Split(',')));
        var retail = BasketSet.FromPairs(ReadPairs(DataFiles.Path("online-retail-sample", "reference", "baskets_long.csv")));
        Console.WriteLine($"{"case",-34} {"baskets",8} {"rules",7} {"arules",7} {"ours (s)",9} {"arules (s)",10}");
        Run("Groceries 0.001/0.5", groceries, 0.001, 0.5, 5668, 0.070);
        Run("Groceries 0.01/0.1", groceries, 0.01, 0.1, 427, 0.033);
        Run("Online Retail sample 0.02/0.3", retail, 0.02, 0.3, 232, 0.052);
        Run("1M generated lines 0.005/0.05", GeneratedBaskets(1_000_000), 0.005, 0.05, null, null);
        var custom = Array.IndexOf(args, "--baskets");
        if (custom >= 0 && custom + 1 < args.Length)
            Run(System.IO.Path.GetFileName(args[custom + 1]) + " 0.005/0.05", BasketSet.FromPairs(ReadPairs(args[custom + 1])), 0.005, 0.05, null, null);
        return Task.FromResult(0);
    }

    private static void Run(string name, BasketSet baskets, double support, double confidence, int? arulesRules, double? arulesSeconds)
    {
        var options = new MiningOptions { MinSupport = support, MinConfidence = confidence, MinLift = null };
        var miner = new FpGrowthMiner();
        // Warm-up until the JIT has compiled the hot loops at full optimisation, then the median of 15 runs.
        var result = miner.Mine(baskets, options);
        for (var i = 0; i < 5; i++)
            miner.Mine(baskets, options);
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var clock = Stopwatch.StartNew();
            result = miner.Mine(baskets, options);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {baskets.Count,8} {result.Rules.Count,7} {arulesRules?.ToString() ?? "-",7} {times[times.Count / 2],9:F4} {arulesSeconds?.ToString("F3", CultureInfo.InvariantCulture) ?? "-",10}"));
    }

    // The demo generator's minimarket, about 1M transaction lines, made into baskets as the app mines them.
    private static BasketSet GeneratedBaskets(int lines)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ri-bench-mining-" + Guid.NewGuid().ToString("N"));
        try
        {
            var perDay = lines / 60 * 10 / 46;
            new RetailInsights.Core.Generation.DemoDataGenerator().Generate(new RetailInsights.Core.Generation.GeneratorOptions
            {
                Days = 60, EndDate = new DateOnly(2025, 6, 30), InvoicesPerDay = perDay, Customers = 4 * perDay,
            }, folder);
            return BasketSet.FromPairs(Directory.GetFiles(folder, "transactions_*.csv").SelectMany(f => File.ReadLines(f).Skip(1))
                .Select(line => line.Split(','))
                .Where(f => !f[0].StartsWith('C') && f[^4] != "0" && !RetailInsights.Core.Domain.NonProductCodes.IsNonProduct(f[1]))
                .Select(f => (f[0], f[1])));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<(string, string)> ReadPairs(string path) => File.ReadLines(path).Skip(1)
        .Select(l => l.Split(','))
        .Select(f => (f[0].Trim('"'), f[1].Trim('"')));
}
