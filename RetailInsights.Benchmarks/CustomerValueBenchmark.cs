using System.Diagnostics;
using System.Globalization;
using RetailInsights.Core.CustomerValue;

namespace RetailInsights.Benchmarks;

/// <summary>
/// BG/NBD and Gamma-Gamma fits plus every customer's predictions on generated customers, then the whole forecast a run
/// makes (from sale lines: summaries, both fits, predictions and the 13-week backtest) on as many customers' lines
/// (target: 100,000 customers under 5 s).
/// </summary>
public sealed class CustomerValueBenchmark : IBenchmark
{
    public string Name => "clv";

    public string Description => "BG/NBD + Gamma-Gamma fit and predictions, then the forecast with its backtest from sale lines, on N generated customers [N, default 100000]";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        // Whole days, as the summaries of real sale lines are: many customers share a history, as in a shop.
        var customers = BgNbdSimulator.Customers(new BgNbdParameters(0.6, 8, 0.7, 3), new GammaGammaParameters(6, 4, 15), n, 4, 104, seed: 42)
            .Select(c => c with { Tx = Math.Round(c.Tx * 7) / 7, T = Math.Round(c.T * 7) / 7 })
            .ToList();

        var clock = Stopwatch.StartNew();
        var purchases = BgNbdFitter.Fit(customers);
        var purchaseFit = clock.Elapsed.TotalSeconds;
        var spend = GammaGamma.Fit(customers);
        var spendFit = clock.Elapsed.TotalSeconds - purchaseFit;
        if (!purchases.Converged || !spend.Converged)
        {
            Console.WriteLine($"fit failed: {purchases.Failure ?? spend.Failure}");
            return Task.FromResult(1);
        }
        var total = 0.0;
        foreach (var c in customers)
        {
            total += BgNbdModel.ProbabilityAlive(purchases.Parameters!, c.X, c.Tx, c.T)
                + BgNbdModel.ExpectedOccasions(purchases.Parameters!, c.X, c.Tx, c.T, 30 / 7.0)
                + BgNbdModel.ExpectedOccasions(purchases.Parameters!, c.X, c.Tx, c.T, 90 / 7.0)
                + BgNbdModel.ExpectedOccasions(purchases.Parameters!, c.X, c.Tx, c.T, 365 / 7.0)
                + BgNbdModel.ProbabilityNoOccasion(purchases.Parameters!, c.X, c.Tx, c.T, 90 / 7.0)
                + BgNbdModel.MedianWeeksToNextOccasion(purchases.Parameters!, c.X, c.T)
                + CustomerLifetimeValue.Compute(purchases.Parameters!, spend.Parameters!, c, 12, 0.01);
        }
        var all = clock.Elapsed.TotalSeconds;

        var p = purchases.Parameters!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"customers {n:N0}: r {p.R:F3} α {p.Alpha:F3} a {p.A:F3} b {p.B:F3} (drawn from 0.6, 8, 0.7, 3); checksum {total:G6}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  BG/NBD fit              {purchaseFit,8:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Gamma-Gamma fit         {spendFit,8:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  predictions + 12-m CLV  {all - purchaseFit - spendFit,8:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  total                   {all,8:F2} s   (target: under 5 s on 2 cores)"));
        return Task.FromResult(Forecast(n, cancellationToken));
    }

    // The run's path: sale lines of two years, customers acquired over the first, about ten occasions each.
    private static int Forecast(int n, CancellationToken cancellationToken)
    {
        var asOf = new DateOnly(2025, 1, 1);
        var lines = BgNbdSimulator.Lines(new BgNbdParameters(2, 12, 0.4, 8), new GammaGammaParameters(6, 4, 15), n,
            asOf.AddDays(-730), asOf.AddDays(-365), asOf, seed: 42);
        var clock = Stopwatch.StartNew();
        var forecast = CustomerValueForecaster.Forecast(lines, asOf, new CustomerValueOptions(), cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        if (forecast.Status != ForecastStatus.Fitted || forecast.Backtest is null)
        {
            Console.WriteLine($"forecast not made: {forecast.Reason} {forecast.BacktestReason}");
            return 1;
        }
        var end = forecast.Backtest.Weeks[^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forecast from {lines.Count:N0} sale lines of {forecast.Customers:N0} customers ({(double)lines.Count / forecast.Customers:F1} a customer); backtest {end.PredictedCumulative:F0} predicted, {end.ActualCumulative:F0} actual"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  summaries, fits, predictions, 13-week backtest {seconds,8:F2} s   (target: under 5 s on 2 cores)"));
        return 0;
    }
}
