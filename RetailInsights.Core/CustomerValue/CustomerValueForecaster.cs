using System.Globalization;

namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// The customer value forecast an analytics run stores: both models fitted on the history before the forecast day, each
/// customer's predictions, and a backtest that refits on all but the last weeks and sets its predictions against what
/// happened. Memory is O(customers + lines): the lines are read once into sorted per-customer occasions.
/// </summary>
public static class CustomerValueForecaster
{
    /// <summary>A month of the 30-day window, a quarter of the 90-day one and a year of the 365-day one, in weeks.</summary>
    public const double Weeks30 = 30 / CustomerSummaryBuilder.DaysPerWeek;
    public const double Weeks90 = 90 / CustomerSummaryBuilder.DaysPerWeek;
    public const double Weeks365 = 365 / CustomerSummaryBuilder.DaysPerWeek;

    /// <summary>The latest next-occasion date given, in years after the forecast day.</summary>
    public const int NextOccasionCapYears = 10;

    // Customers per unit of parallel work: results are written per customer or summed per chunk in chunk order, so the
    // figures do not depend on how the work was scheduled.
    private const int Chunk = 1024;

    /// <summary>
    /// Forecasts as of <paramref name="asOf"/> (exclusive) from the lines (a purchase occasion is a customer's day with
    /// a line of positive amount). The options' minimums are checked first: below any of them the status is
    /// Insufficient, the reason names each shortfall with its numbers, and nothing is fitted. A BG/NBD fit that fails
    /// gives Failed with the fit's reason. A Gamma-Gamma fit that fails (or whose mean spend is infinite, q ≤ 1) keeps
    /// the status Fitted: each repeat customer's expected spend per occasion is then their own mean repeat spend (zbar)
    /// and a one-time buyer's the mean zbar of the repeat customers, and the reason says so; the predictions stay finite
    /// because a run stores them. Per customer: P(alive); expected occasions in the next 30, 90 and 365 days
    /// (t = days / 7 weeks); P(no occasion in 90 days) and its <see cref="ChurnBand"/>; expected spend per occasion
    /// (Gamma-Gamma's, the population mean pγ/(q−1) for one-time buyers); the value over
    /// <see cref="CustomerValueOptions.HorizonMonths"/> at <see cref="CustomerValueOptions.MonthlyDiscountRate"/>; and
    /// the next occasion, asOf + round(median weeks to it × 7) days, at most <see cref="NextOccasionCapYears"/> years on.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static CustomerValueForecast Forecast(IReadOnlyList<PurchaseLine> lines, DateOnly asOf, CustomerValueOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.HorizonMonths);
        ArgumentOutOfRangeException.ThrowIfNegative(options.BacktestWeeks);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MonthlyDiscountRate, -1);
        cancellationToken.ThrowIfCancellationRequested();

        var histories = PurchaseHistories.From(lines, asOf);
        var summaries = new CustomerSummary[histories.Customers.Length];
        for (var i = 0; i < summaries.Length; i++)
            summaries[i] = histories.Summary(i, asOf)!;
        var repeat = summaries.Count(s => s.X > 0);
        var historyWeeks = summaries.Length == 0 ? 0 : summaries.Max(s => s.T);
        cancellationToken.ThrowIfCancellationRequested();

        var shortfall = Shortfall(summaries.Length, repeat, historyWeeks, asOf, options);
        if (shortfall is not null)
            return new CustomerValueForecast(ForecastStatus.Insufficient, shortfall, asOf, summaries.Length, repeat, historyWeeks,
                null, null, [], null, "No backtest: there is too little data for a forecast at all.");

        var purchases = BgNbdFitter.Fit(summaries);
        cancellationToken.ThrowIfCancellationRequested();
        var spend = GammaGamma.Fit(summaries);
        cancellationToken.ThrowIfCancellationRequested();
        if (!purchases.Converged)
            return new CustomerValueForecast(ForecastStatus.Failed, "The purchase model (BG/NBD) could not be fitted: " + purchases.Failure + ".",
                asOf, summaries.Length, repeat, historyWeeks, purchases, spend, [], null,
                "No backtest: the purchase model could not be fitted on the whole history either.");

        var notes = new List<string>();
        if (purchases.Note is not null)
            notes.Add(purchases.Note);
        var spendPerOccasion = SpendPerOccasion(spend, summaries, notes);
        var predictions = Predict(purchases.Parameters!, summaries, spendPerOccasion, asOf, options, cancellationToken);
        var (backtest, backtestReason) = Backtester.Run(histories, asOf, options, cancellationToken);
        return new CustomerValueForecast(ForecastStatus.Fitted, notes.Count == 0 ? null : string.Join(" ", notes), asOf,
            summaries.Length, repeat, historyWeeks, purchases, spend, predictions, backtest, backtestReason);
    }

    /// <summary>The band of a probability of no occasion in the next 90 days.</summary>
    public static ChurnBand BandOf(double probabilityNoOccasion90) =>
        probabilityNoOccasion90 < 1.0 / 3 ? ChurnBand.Low : probabilityNoOccasion90 < 2.0 / 3 ? ChurnBand.Medium : ChurnBand.High;

    /// <summary>Every minimum the data fall short of, with the numbers, in words a marketer reads; null when none.</summary>
    internal static string? Shortfall(int customers, int repeatCustomers, double historyWeeks, DateOnly end, CustomerValueOptions options)
    {
        var day = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reasons = new List<string>();
        if (customers < options.MinCustomers)
            reasons.Add(Say($"{customers:N0} customers bought before {day}; a fit needs {options.MinCustomers:N0}"));
        if (repeatCustomers < options.MinRepeatCustomers)
            reasons.Add(Say($"{repeatCustomers:N0} repeat customers (who bought on a second day) before {day}; a fit needs {options.MinRepeatCustomers:N0}, since only they show how often customers come back and when they stop"));
        if (historyWeeks < options.MinHistoryWeeks)
            reasons.Add(Say($"the history runs {historyWeeks:F1} weeks from the first purchase to {day}; a fit needs {options.MinHistoryWeeks:N0} weeks to tell customers who left from customers who buy rarely"));
        if (reasons.Count == 0)
            return null;
        var text = string.Join("; ", reasons) + ".";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Each customer's expected spend per occasion, from the Gamma-Gamma fit or, when it failed, their own means.</summary>
    private static Func<CustomerSummary, double> SpendPerOccasion(GammaGammaFit spend, CustomerSummary[] summaries, List<string> notes)
    {
        if (spend.Converged)
        {
            var g = spend.Parameters!;
            return c => GammaGamma.ExpectedSpend(g, c.X, c.Zbar);
        }
        var repeatSpend = summaries.Where(c => c.X > 0).Select(c => c.Zbar).ToArray();
        var mean = repeatSpend.Length == 0 ? 0 : repeatSpend.Average();
        notes.Add(Say($"The spend model (Gamma-Gamma) could not be fitted: {spend.Failure}. Expected spend per occasion is each repeat customer's own mean spend per repeat purchase, and for customers who bought once the mean of those ({mean:F2})."));
        return c => c.X > 0 ? c.Zbar : mean;
    }

    private static CustomerPrediction[] Predict(BgNbdParameters p, CustomerSummary[] summaries, Func<CustomerSummary, double> spendPerOccasion,
        DateOnly asOf, CustomerValueOptions options, CancellationToken cancellationToken)
    {
        var predictions = new CustomerPrediction[summaries.Length];
        // A customer with a low rate and a long silence can have a median wait of centuries (DateOnly ends in 9999): past
        // a decade the date only says "not expected", so it is capped to stay a date a database and a page can hold.
        var latest = asOf.AddYears(NextOccasionCapYears);
        var capDays = (double)(latest.DayNumber - asOf.DayNumber);
        ForEachChunk(summaries.Length, cancellationToken, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var c = summaries[i];
                var none90 = BgNbdModel.ProbabilityNoOccasion(p, c.X, c.Tx, c.T, Weeks90);
                var spend = spendPerOccasion(c);
                var days = BgNbdModel.MedianWeeksToNextOccasion(p, c.X, c.T) * CustomerSummaryBuilder.DaysPerWeek;
                var next = double.IsFinite(days) && days < capDays ? asOf.AddDays((int)Math.Round(days)) : latest;
                predictions[i] = new CustomerPrediction(c.CustomerId, c.X, c.Tx, c.T,
                    BgNbdModel.ProbabilityAlive(p, c.X, c.Tx, c.T),
                    BgNbdModel.ExpectedOccasions(p, c.X, c.Tx, c.T, Weeks30),
                    BgNbdModel.ExpectedOccasions(p, c.X, c.Tx, c.T, Weeks90),
                    BgNbdModel.ExpectedOccasions(p, c.X, c.Tx, c.T, Weeks365),
                    none90, BandOf(none90), spend,
                    CustomerLifetimeValue.Compute(p, spend, c.X, c.Tx, c.T, options.HorizonMonths, options.MonthlyDiscountRate),
                    next);
            }
        });
        return predictions;
    }

    /// <summary>The number of chunks <see cref="ForEachChunk"/> cuts <paramref name="count"/> items into.</summary>
    internal static int Chunks(int count) => (count + Chunk - 1) / Chunk;

    /// <summary>Runs (chunk, from, to) over the items in chunks on the thread pool; cancellation throws.</summary>
    internal static void ForEachChunk(int count, CancellationToken cancellationToken, Action<int, int, int> range) =>
        Parallel.For(0, Chunks(count), new ParallelOptions { CancellationToken = cancellationToken },
            chunk => range(chunk, chunk * Chunk, Math.Min(count, (chunk + 1) * Chunk)));
}
