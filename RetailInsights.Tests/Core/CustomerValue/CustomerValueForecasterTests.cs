using RetailInsights.Core.CustomerValue;

namespace RetailInsights.Tests.Core.CustomerValue;

/// <summary>The forecast a run stores, on sale lines drawn from known parameters and on CDNOW.</summary>
[Trait("Tier", "unit")]
public sealed class CustomerValueForecasterTests
{
    private static readonly BgNbdParameters Truth = new(0.8, 6, 0.7, 3);
    private static readonly GammaGammaParameters Spend = new(6, 4, 15);
    private static readonly DateOnly AsOf = new(2025, 1, 1);
    private static readonly CustomerValueOptions Options = new();

    // Two years of a shop: customers acquired over the first year, buying until the forecast day.
    private static readonly Lazy<List<PurchaseLine>> Generated = new(() =>
        BgNbdSimulator.Lines(Truth, Spend, 20_000, AsOf.AddDays(-730), AsOf.AddDays(-365), AsOf, seed: 5));

    private static readonly Lazy<CustomerValueForecast> GeneratedForecast = new(() => CustomerValueForecaster.Forecast(Generated.Value, AsOf, Options));

    [Fact]
    public void Forecast_generatedLines_predictionsAreTheModelFunctionsComputedDirectly()
    {
        var forecast = GeneratedForecast.Value;

        Assert.Equal(ForecastStatus.Fitted, forecast.Status);
        Assert.Null(forecast.Reason);
        Assert.Equal(20_000, forecast.Customers);
        var p = forecast.Purchases!.Parameters!;
        var g = forecast.Spend!.Parameters!;
        var summaries = CustomerSummaryBuilder.Build(Generated.Value, AsOf);
        Assert.Equal(summaries.Select(s => s.CustomerId), forecast.Predictions.Select(c => c.CustomerId));
        foreach (var c in new[] { summaries.First(s => s.X == 0), summaries.First(s => s.X == 1), summaries.MaxBy(s => s.X)!, summaries.First(s => s.X > 2 && s.T - s.Tx > 30) })
        {
            var predicted = forecast.Predictions.Single(s => s.CustomerId == c.CustomerId);
            var spend = GammaGamma.ExpectedSpend(g, c.X, c.Zbar);
            var none90 = BgNbdModel.ProbabilityNoOccasion(p, c.X, c.Tx, c.T, 90 / 7.0);
            var median = BgNbdModel.MedianWeeksToNextOccasion(p, c.X, c.T);
            Assert.Equal((c.X, c.Tx, c.T), (predicted.X, predicted.Tx, predicted.T));
            Assert.Equal(BgNbdModel.ProbabilityAlive(p, c.X, c.Tx, c.T), predicted.ProbabilityAlive, 12);
            Assert.Equal(BgNbdModel.ExpectedOccasions(p, c.X, c.Tx, c.T, 30 / 7.0), predicted.Expected30, 12);
            Assert.Equal(BgNbdModel.ExpectedOccasions(p, c.X, c.Tx, c.T, 90 / 7.0), predicted.Expected90, 12);
            Assert.Equal(BgNbdModel.ExpectedOccasions(p, c.X, c.Tx, c.T, 365 / 7.0), predicted.Expected365, 12);
            Assert.Equal(none90, predicted.ProbabilityNoOccasion90, 12);
            Assert.Equal(none90 < 1 / 3.0 ? ChurnBand.Low : none90 < 2 / 3.0 ? ChurnBand.Medium : ChurnBand.High, predicted.Band);
            Assert.Equal(spend, predicted.ExpectedSpend, 9);
            Assert.Equal(CustomerLifetimeValue.Compute(p, g, c, 12, 0.01), predicted.PredictedValue, 9);
            var next = median * 7 > 3653 ? AsOf.AddYears(10) : AsOf.AddDays((int)Math.Round(median * 7));
            Assert.Equal(next, predicted.NextOccasion);
        }
        // A one-time buyer's spend is the population's mean.
        Assert.Equal(g.P * g.Gamma / (g.Q - 1), forecast.Predictions.First(c => c.X == 0).ExpectedSpend, 9);
    }

    [Fact]
    public void Forecast_generatedLines_backtestTracksWhatTheCustomersDid()
    {
        var backtest = GeneratedForecast.Value.Backtest;

        Assert.NotNull(backtest);
        Assert.Null(GeneratedForecast.Value.BacktestReason);
        Assert.Equal(AsOf.AddDays(-91), backtest.CalibrationEnd);
        Assert.Equal(Enumerable.Range(1, 13), backtest.Weeks.Select(w => w.Week));
        // Every customer was acquired a year before the holdout, so its occasions are all the calibration customers' own.
        var holdout = Generated.Value.Where(l => l.Day >= backtest.CalibrationEnd).Select(l => (l.CustomerId, l.Day)).Distinct().Count();
        var end = backtest.Weeks[^1];
        Assert.Equal(holdout, end.ActualCumulative);
        Assert.Equal(backtest.Weeks.Sum(w => w.PredictedIncremental), end.PredictedCumulative, 6);
        // The data come from the model itself, so the only gaps are noise: the holdout total of 20,000 customers (about
        // 10,000 occasions from a Gamma mixture of Poissons) varies by 1–2 % from draw to draw, and the refitted
        // parameters by their own error; 5 % is about three times that.
        Assert.InRange(end.PredictedCumulative / end.ActualCumulative, 0.95, 1.05);
        foreach (var group in backtest.ByFrequency)
            Assert.True(Math.Abs(group.MeanPredicted - group.MeanActual) <= 0.05 + 0.1 * group.MeanActual, group.ToString());
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], backtest.ByFrequency.Select(g => g.Frequency));
        Assert.Equal([ChurnBand.Low, ChurnBand.Medium, ChurnBand.High], backtest.Bands.Select(b => b.Band));
        Assert.True(backtest.Bands[0].ShareWhoBought > backtest.Bands[1].ShareWhoBought, "Low above Medium");
        Assert.True(backtest.Bands[1].ShareWhoBought > backtest.Bands[2].ShareWhoBought, "Medium above High");
        Assert.Equal(20_000, backtest.Bands.Sum(b => b.Customers));
    }

    [Fact]
    public void Forecast_cdnowWithTheLast39WeeksHeldOut_isThePapersHoldoutAndItsConditionalExpectations()
    {
        var lines = Cdnow.Purchases().ToList();
        var calibrationEnd = new DateOnly(1997, 10, 1);

        var forecast = CustomerValueForecaster.Forecast(lines, new DateOnly(1998, 7, 1), Options with { BacktestWeeks = 39 });

        var backtest = forecast.Backtest;
        Assert.NotNull(backtest);
        Assert.Equal(calibrationEnd, backtest.CalibrationEnd);
        // The sample's holdout, weeks 40–78 of the papers, counted independently: each customer's distinct days.
        var calibration = CustomerSummaryBuilder.Build(lines, calibrationEnd);
        var known = calibration.Select(c => c.CustomerId).ToHashSet();
        var holdout = lines.Where(l => l.Amount > 0 && l.Day >= calibrationEnd && known.Contains(l.CustomerId))
            .Select(l => (l.CustomerId, l.Day)).Distinct().ToList();
        Assert.Equal(1_882, holdout.Count);
        Assert.Equal(Enumerable.Range(0, 39).Select(w => (double)holdout.Count(o => (o.Day.DayNumber - calibrationEnd.DayNumber) / 7 == w)),
            backtest.Weeks.Select(w => w.ActualIncremental));
        var p = backtest.Parameters;
        var predicted = calibration.ToDictionary(c => c.CustomerId, c => BgNbdModel.ExpectedOccasions(p, c.X, c.Tx, c.T, 39));
        Assert.Equal(predicted.Values.Sum(), backtest.Weeks[^1].PredictedCumulative, 6);
        var actual = holdout.CountBy(o => o.CustomerId).ToDictionary();
        Assert.Equal(calibration.Average(c => Math.Abs(predicted[c.CustomerId] - actual.GetValueOrDefault(c.CustomerId))), backtest.MeanAbsoluteError, 9);
        // The conditional expectations of the BG/NBD fall short of CDNOW's holdout: 1,630.5 against 1,882 (the
        // published parameters on the published summary give 1,654), so the 5 % the tracking plots of the papers show
        // for the unconditional curve does not hold for the per-customer sum. The figure is pinned to catch a change.
        Assert.Equal(1_630.5, Math.Round(backtest.Weeks[^1].PredictedCumulative, 1));
        Assert.True(backtest.Bands.Zip(backtest.Bands.Skip(1)).All(b => b.First.ShareWhoBought > b.Second.ShareWhoBought), "share falls from Low to High");
    }

    [Fact]
    public void Forecast_tooFewCustomers_isInsufficientSayingHowMany()
    {
        var lines = Generated.Value.Where(l => int.Parse(l.CustomerId[1..], System.Globalization.CultureInfo.InvariantCulture) < 150).ToList();

        var forecast = CustomerValueForecaster.Forecast(lines, AsOf, Options);

        AssertInsufficient(forecast, "150 customers bought before 2025-01-01; a fit needs 200.");
        Assert.Equal(150, forecast.Customers);
    }

    [Fact]
    public void Forecast_tooFewRepeatCustomers_isInsufficientSayingHowMany()
    {
        var first = AsOf.AddDays(-300);
        var lines = Enumerable.Range(0, 300).Select(i => new PurchaseLine($"C{i}", first.AddDays(i % 50), 20m))
            .Concat(Enumerable.Range(0, 12).Select(i => new PurchaseLine($"C{i}", first.AddDays(100 + i), 30m)))
            .ToList();

        var forecast = CustomerValueForecaster.Forecast(lines, AsOf, Options);

        AssertInsufficient(forecast, "12 repeat customers (who bought on a second day) before 2025-01-01; a fit needs 50, since only they show");
        Assert.Equal((300, 12), (forecast.Customers, forecast.RepeatCustomers));
    }

    [Fact]
    public void Forecast_tooShortAHistory_isInsufficientSayingHowLong()
    {
        var lines = BgNbdSimulator.Lines(Truth, Spend, 2_000, AsOf.AddDays(-140), AsOf.AddDays(-100), AsOf, seed: 2);

        var forecast = CustomerValueForecaster.Forecast(lines, AsOf, Options);

        AssertInsufficient(forecast, "The history runs 20.0 weeks from the first purchase to 2025-01-01; a fit needs 26 weeks");
        Assert.Equal(20.0, forecast.HistoryWeeks, 9);
    }

    [Fact]
    public void Forecast_historyTooShortForTheHoldout_fitsButGivesNoBacktestSayingWhy()
    {
        var lines = BgNbdSimulator.Lines(Truth, Spend, 2_000, AsOf.AddDays(-210), AsOf.AddDays(-150), AsOf, seed: 4);

        var forecast = CustomerValueForecaster.Forecast(lines, AsOf, Options);

        Assert.Equal(ForecastStatus.Fitted, forecast.Status);
        Assert.Equal(2_000, forecast.Predictions.Count);
        Assert.Null(forecast.Backtest);
        Assert.StartsWith("No backtest: holding out the last 13 weeks leaves too little to fit. The history runs 17.0 weeks from the first purchase to 2024-10-02;",
            forecast.BacktestReason);
    }

    [Fact]
    public void Forecast_spendTheGammaGammaCannotFit_keepsThePredictionsWithCustomersOwnMeans()
    {
        // Spend per occasion from a Pareto tail of index 0.7 across customers (no finite mean), which the Gamma-Gamma cannot fit.
        var random = new Random(9);
        var level = Generated.Value.Select(l => l.CustomerId).Distinct().ToDictionary(c => c, _ => 10 / Math.Pow(1 - random.NextDouble(), 1 / 0.7));
        var lines = Generated.Value.Select(l => l with { Amount = Math.Round((decimal)(level[l.CustomerId] * (0.5 + random.NextDouble())), 2) + 0.01m }).ToList();

        var forecast = CustomerValueForecaster.Forecast(lines, AsOf, Options);

        Assert.Equal(ForecastStatus.Fitted, forecast.Status);
        Assert.False(forecast.Spend!.Converged);
        Assert.NotNull(forecast.Spend.Failure);
        Assert.Contains("The spend model (Gamma-Gamma) could not be fitted: " + forecast.Spend.Failure, forecast.Reason);
        var summaries = CustomerSummaryBuilder.Build(lines, AsOf).ToDictionary(s => s.CustomerId);
        var meanRepeatSpend = summaries.Values.Where(s => s.X > 0).Average(s => s.Zbar);
        Assert.All(forecast.Predictions, c => Assert.Equal(c.X > 0 ? summaries[c.CustomerId].Zbar : meanRepeatSpend, c.ExpectedSpend, 9));
        Assert.All(forecast.Predictions, c => Assert.True(double.IsFinite(c.PredictedValue) && c.PredictedValue > 0));
        Assert.NotNull(forecast.Backtest);
    }

    [Fact]
    public void Forecast_cancelledWhileReadingTheLines_throwsBeforeFitting()
    {
        using var cancel = new CancellationTokenSource();
        var lines = new CancellingList(Generated.Value, cancel);

        Assert.Throws<OperationCanceledException>(() => CustomerValueForecaster.Forecast(lines, AsOf, Options, cancel.Token));
        Assert.True(lines.Read);
    }

    [Fact]
    public void Forecast_cancelledBeforehand_throws()
    {
        Assert.Throws<OperationCanceledException>(() => CustomerValueForecaster.Forecast(Generated.Value, AsOf, Options, new CancellationToken(true)));
    }

    private static void AssertInsufficient(CustomerValueForecast forecast, string reason)
    {
        Assert.Equal(ForecastStatus.Insufficient, forecast.Status);
        Assert.Contains(reason, forecast.Reason);
        Assert.Empty(forecast.Predictions);
        Assert.Null(forecast.Purchases);
        Assert.Null(forecast.Backtest);
        Assert.NotNull(forecast.BacktestReason);
    }

    /// <summary>Lines whose reading cancels the run, as a user pressing cancel during a long read would.</summary>
    private sealed class CancellingList(List<PurchaseLine> lines, CancellationTokenSource cancel) : IReadOnlyList<PurchaseLine>
    {
        public bool Read { get; private set; }

        public PurchaseLine this[int index] => lines[index];

        public int Count => lines.Count;

        public IEnumerator<PurchaseLine> GetEnumerator()
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (i == lines.Count / 2)
                    (Read, _) = (true, Cancel());
                yield return lines[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private bool Cancel()
        {
            cancel.Cancel();
            return true;
        }
    }
}
