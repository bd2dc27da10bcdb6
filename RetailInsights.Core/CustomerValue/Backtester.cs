using System.Globalization;

namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// The forecast's backtest: the BG/NBD refitted on the occasions before the calibration end (the forecast day minus
/// the holdout weeks), its conditional expectations for the customers of that period set against the repeat occasions
/// those customers made in the holdout, week by week, by calibration frequency and by churn band.
/// </summary>
internal static class Backtester
{
    // Calibration frequencies 0..6 have a group each, the rest share "7+" (the papers' calibration plot).
    private const int FrequencyGroups = 8;

    public static (Backtest? Backtest, string? Reason) Run(PurchaseHistories histories, DateOnly asOf, CustomerValueOptions options,
        CancellationToken cancellationToken)
    {
        var weeks = options.BacktestWeeks;
        if (weeks == 0)
            return (null, "No backtest: it is turned off (0 holdout weeks).");
        var calibrationEnd = asOf.AddDays(-weeks * (int)CustomerSummaryBuilder.DaysPerWeek);
        var day = calibrationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var customers = new List<int>();
        var summaries = new List<CustomerSummary>();
        for (var i = 0; i < histories.Customers.Length; i++)
        {
            if (histories.Summary(i, calibrationEnd) is not { } summary)
                continue;
            customers.Add(i);
            summaries.Add(summary);
        }
        var repeat = summaries.Count(s => s.X > 0);
        var historyWeeks = summaries.Count == 0 ? 0 : summaries.Max(s => s.T);
        var shortfall = CustomerValueForecaster.Shortfall(summaries.Count, repeat, historyWeeks, calibrationEnd, options);
        if (shortfall is not null)
            return (null, $"No backtest: holding out the last {weeks} weeks leaves too little to fit. " + shortfall);
        cancellationToken.ThrowIfCancellationRequested();

        var fit = BgNbdFitter.Fit(summaries);
        if (!fit.Converged)
            return (null, $"No backtest: the purchase model could not be fitted on the history before {day}: {fit.Failure}.");
        cancellationToken.ThrowIfCancellationRequested();

        var p = fit.Parameters!;
        var parts = new Tally[CustomerValueForecaster.Chunks(summaries.Count)];
        CustomerValueForecaster.ForEachChunk(summaries.Count, cancellationToken, (chunk, from, to) =>
        {
            var tally = parts[chunk] = new Tally(weeks);
            for (var k = from; k < to; k++)
            {
                var c = summaries[k];
                var before = 0.0;
                for (var w = 1; w <= weeks; w++)
                {
                    var cumulative = BgNbdModel.ExpectedOccasions(p, c.X, c.Tx, c.T, w);
                    tally.Predicted[w - 1] += cumulative - before;
                    before = cumulative;
                }
                var actual = 0;
                foreach (var days in histories.DaysFrom(customers[k], calibrationEnd))
                {
                    tally.Actual[days / (int)CustomerSummaryBuilder.DaysPerWeek]++;
                    actual++;
                }
                var group = Math.Min(c.X, FrequencyGroups - 1);
                tally.GroupCustomers[group]++;
                tally.GroupPredicted[group] += before;
                tally.GroupActual[group] += actual;
                tally.AbsoluteError += Math.Abs(before - actual);
                var band = (int)CustomerValueForecaster.BandOf(BgNbdModel.ProbabilityNoOccasion(p, c.X, c.Tx, c.T, CustomerValueForecaster.Weeks90));
                tally.BandCustomers[band]++;
                tally.BandBought[band] += actual > 0 ? 1 : 0;
            }
        });
        var total = new Tally(weeks);
        foreach (var part in parts)
            total.Add(part);

        var series = new List<BacktestWeek>(weeks);
        double predictedCumulative = 0, actualCumulative = 0;
        for (var w = 0; w < weeks; w++)
        {
            predictedCumulative += total.Predicted[w];
            actualCumulative += total.Actual[w];
            series.Add(new BacktestWeek(w + 1, total.Predicted[w], total.Actual[w], predictedCumulative, actualCumulative));
        }
        var groups = Enumerable.Range(0, FrequencyGroups).Where(g => total.GroupCustomers[g] > 0)
            .Select(g => new FrequencyGroup(g == FrequencyGroups - 1 ? $"{g}+" : g.ToString(CultureInfo.InvariantCulture), total.GroupCustomers[g],
                total.GroupPredicted[g] / total.GroupCustomers[g], total.GroupActual[g] / total.GroupCustomers[g]))
            .ToList();
        var bands = Enum.GetValues<ChurnBand>().Where(b => total.BandCustomers[(int)b] > 0)
            .Select(b => new BandOutcome(b, total.BandCustomers[(int)b], (double)total.BandBought[(int)b] / total.BandCustomers[(int)b]))
            .ToList();
        return (new Backtest(calibrationEnd, weeks, p, series, groups, total.AbsoluteError / summaries.Count, bands), null);
    }

    /// <summary>One chunk's sums, added up in chunk order so the figures do not depend on scheduling.</summary>
    private sealed class Tally(int weeks)
    {
        public readonly double[] Predicted = new double[weeks];
        public readonly double[] Actual = new double[weeks];
        public readonly int[] GroupCustomers = new int[FrequencyGroups];
        public readonly double[] GroupPredicted = new double[FrequencyGroups];
        public readonly double[] GroupActual = new double[FrequencyGroups];
        public readonly int[] BandCustomers = new int[3];
        public readonly int[] BandBought = new int[3];
        public double AbsoluteError;

        public void Add(Tally other)
        {
            for (var w = 0; w < Predicted.Length; w++)
                (Predicted[w], Actual[w]) = (Predicted[w] + other.Predicted[w], Actual[w] + other.Actual[w]);
            for (var g = 0; g < FrequencyGroups; g++)
            {
                GroupCustomers[g] += other.GroupCustomers[g];
                GroupPredicted[g] += other.GroupPredicted[g];
                GroupActual[g] += other.GroupActual[g];
            }
            for (var b = 0; b < 3; b++)
                (BandCustomers[b], BandBought[b]) = (BandCustomers[b] + other.BandCustomers[b], BandBought[b] + other.BandBought[b]);
            AbsoluteError += other.AbsoluteError;
        }
    }
}
