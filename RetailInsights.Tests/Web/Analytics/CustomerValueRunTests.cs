using System.Text.Json;
using RetailInsights.Core.CustomerValue;
using RetailInsights.Core.Generation;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;

namespace RetailInsights.Tests.Web.Analytics;

/// <summary>
/// The customer-value part of an analytics run, on 30 weeks of generated shop data loaded through the import: what the
/// run stores for each customer is what the model functions give for that customer's history, read independently
/// from the sale lines, under the parameters the run fitted; too little data gives reasons instead of numbers.
/// </summary>
[Trait("Tier", "database")]
public sealed class CustomerValueRunTests : IAsyncLifetime
{
    private static readonly DateOnly LastDay = new(2025, 9, 30);
    private readonly PipelineFixture _pipeline = new();
    private readonly string _files = Path.Combine(Path.GetTempPath(), "ri-value-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        new DemoDataGenerator().Generate(
            new GeneratorOptions { EndDate = LastDay, Days = 210, InvoicesPerDay = 25, Customers = 400, Seed = 11 }, _files);
        var import = await _pipeline.ImportAsync(_files);
        if (import.Exit != 0)
            throw new InvalidOperationException("The generated files did not load: " + import.Output);
    }

    public async Task DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        if (Directory.Exists(_files))
            Directory.Delete(_files, recursive: true);
    }

    [Fact]
    public async Task Run_storesEveryCustomersPredictions_equalToTheModelsComputedFromTheSaleLines()
    {
        var asOf = LastDay.AddDays(1);
        var run = await AnalyzeAsync(("Analytics:CustomerValue:MonthlyDiscountRate", "0.02"));

        var model = await ModelAsync(run);
        Assert.True(model.Status == "fitted", $"{model.Status}: {model.Reason}");
        var purchases = new BgNbdParameters(model.R!.Value, model.Alpha!.Value, model.A!.Value, model.B!.Value);
        Assert.Equal(0.02, model.MonthlyDiscountRate);
        // Read from the facts, not the invoices summary the run reads: the two must give the same occasions.
        var summaries = CustomerSummaryBuilder.Build(await SaleLinesAsync(asOf), asOf).ToDictionary(s => s.CustomerId);
        // The generator draws an invoice's size independently of its customer, so customers' mean spends differ only by
        // chance and the Gamma-Gamma, whose point is how they differ, runs to a bound; the run then says so and takes
        // each repeat customer's own mean, and for one-time buyers the mean of those (the Core tests cover a fitted one).
        Assert.Null(model.P);
        Assert.Contains("Gamma-Gamma", model.Reason);
        var repeatMeans = summaries.Values.Where(s => s.X > 0).Select(s => s.Zbar).ToList();
        double SpendOf(CustomerSummary c) => c.X > 0 ? c.Zbar : repeatMeans.Average();
        var stored = await StoredAsync(run);

        Assert.Equal(summaries.Count, stored.Count);
        Assert.Equal(summaries.Count, await _pipeline.Database.ScalarAsync<long>($"SELECT count(*) FROM run_customers WHERE run_id = {run}"));
        Assert.Equal(summaries.Count, model.Customers);
        Assert.Equal(summaries.Values.Count(s => s.X > 0), model.RepeatCustomers);
        foreach (var row in stored)
        {
            var c = summaries[row.Code];
            Assert.Equal(c.X, row.X);
            Assert.Equal(c.Tx, row.Tx, 9);
            Assert.Equal(c.T, row.T, 9);
            Close(BgNbdModel.ProbabilityAlive(purchases, c.X, c.Tx, c.T), row.Alive, row.Code);
            Close(BgNbdModel.ExpectedOccasions(purchases, c.X, c.Tx, c.T, 30 / 7.0), row.E30, row.Code);
            Close(BgNbdModel.ExpectedOccasions(purchases, c.X, c.Tx, c.T, 90 / 7.0), row.E90, row.Code);
            Close(BgNbdModel.ExpectedOccasions(purchases, c.X, c.Tx, c.T, 365 / 7.0), row.E365, row.Code);
            var risk = BgNbdModel.ProbabilityNoOccasion(purchases, c.X, c.Tx, c.T, 90 / 7.0);
            Close(risk, row.Risk, row.Code);
            Assert.Equal(risk < 1 / 3.0 ? 0 : risk < 2 / 3.0 ? 1 : 2, row.Band);
            var expectedSpend = SpendOf(c);
            Assert.Equal(Math.Round((decimal)expectedSpend, 2), row.Spend);
            var value = CustomerLifetimeValue.Compute(purchases, expectedSpend, c.X, c.Tx, c.T, 12, 0.02);
            Assert.Equal(Math.Round((decimal)value, 2), row.Value);
            var wait = BgNbdModel.MedianWeeksToNextOccasion(purchases, c.X, c.T);
            Assert.Equal(asOf.AddDays((int)Math.Min(Math.Round(wait * 7), 3653)), row.Next);
        }
        Assert.Contains(stored, r => r.Band == 0);
        Assert.Contains(stored, r => r.Band == 2);
    }

    [Fact]
    public async Task Run_keepsTheBacktest_weekByWeek_withCalibrationGroupsAndBands()
    {
        // 22 weeks before the holdout: the history minimum comes down to let a backtest be fitted on them.
        var run = await AnalyzeAsync(("Analytics:CustomerValue:BacktestWeeks", "8"), ("Analytics:CustomerValue:MinHistoryWeeks", "16"));

        var model = await ModelAsync(run);
        Assert.Null(model.BacktestReason);
        using var backtest = JsonDocument.Parse(model.Backtest!);
        var root = backtest.RootElement;
        Assert.Equal(8, root.GetProperty("holdoutWeeks").GetInt32());
        Assert.Equal(LastDay.AddDays(1 - 8 * 7), DateOnly.Parse(root.GetProperty("calibrationEnd").GetString()!));
        var weeks = root.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 8), weeks.Select(w => w.GetProperty("week").GetInt32()));
        var actual = weeks.Sum(w => w.GetProperty("actualIncremental").GetDouble());
        Assert.Equal(actual, weeks[^1].GetProperty("actualCumulative").GetDouble(), 6);
        Assert.True(actual > 0);
        // The repeat occasions the calibration customers made in the holdout, counted from the facts.
        var calibrationEnd = LastDay.AddDays(1 - 8 * 7);
        Assert.Equal(await HoldoutRepeatOccasionsAsync(calibrationEnd, LastDay.AddDays(1)), actual);
        Assert.NotEmpty(root.GetProperty("byFrequency").EnumerateArray());
        Assert.Equal(3, root.GetProperty("bands").GetArrayLength());
        Assert.True(root.GetProperty("meanAbsoluteError").GetDouble() >= 0);
    }

    [Fact]
    public async Task TooFewRepeatCustomers_storeTheReason_andNoPredictions_whileTheRunSucceeds()
    {
        var run = await AnalyzeAsync(("Analytics:CustomerValue:MinRepeatCustomers", "100000"));

        var model = await ModelAsync(run);
        Assert.Equal("insufficient", model.Status);
        Assert.Contains("100,000", model.Reason);
        Assert.Null(model.R);
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>($"SELECT count(*) FROM run_customer_values WHERE run_id = {run}"));
        Assert.Equal("succeeded", await _pipeline.Database.ScalarAsync<string>($"SELECT status FROM analysis_runs WHERE run_id = {run}"));
    }

    private static void Close(double expected, double actual, string customer) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{customer}: expected {expected}, stored {actual}");

    private async Task<long> AnalyzeAsync(params (string Key, string Value)[] settings)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["analyze", "--min-support", "0.05", "--min-confidence", "0.3"], output, output,
            _pipeline.Configuration(settings));
        Assert.True(exit == 0, output.ToString());
        var json = output.ToString().Split('\n').First(l => l.StartsWith('{'));
        return JsonDocument.Parse(json).RootElement.GetProperty("run").GetInt64();
    }

    private sealed record Model(string Status, string? Reason, int Customers, int RepeatCustomers, double MonthlyDiscountRate,
        double? R, double? Alpha, double? A, double? B, double? P, double? Q, double? Gamma, string? Backtest, string? BacktestReason);

    private async Task<Model> ModelAsync(long run)
    {
        await using var command = _pipeline.Database.DataSource.CreateCommand($"""
            SELECT status, reason, customers, repeat_customers, monthly_discount_rate, r, alpha, a, b, p, q, gamma, backtest::text, backtest_reason
            FROM run_value_models WHERE run_id = {run}
            """);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The run stored no customer-value row.");
        double? D(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
        string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new Model(reader.GetString(0), S(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetDouble(4), D(5), D(6), D(7), D(8), D(9),
            D(10), D(11), S(12), S(13));
    }

    private sealed record Stored(string Code, int X, double Tx, double T, double Alive, double E30, double E90, double E365, double Risk,
        short Band, decimal Spend, decimal Value, DateOnly Next);

    private async Task<List<Stored>> StoredAsync(long run)
    {
        await using var command = _pipeline.Database.DataSource.CreateCommand($"""
            SELECT customer_code, repeat_occasions, recency_weeks, age_weeks, probability_alive, expected_30_days, expected_90_days,
                   expected_365_days, churn_risk, churn_band, expected_spend, predicted_value, next_occasion
            FROM run_customer_values WHERE run_id = {run}
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Stored>();
        while (await reader.ReadAsync())
            rows.Add(new Stored(reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetInt16(9), reader.GetDecimal(10),
                reader.GetDecimal(11), reader.GetFieldValue<DateOnly>(12)));
        return rows;
    }

    private async Task<List<PurchaseLine>> SaleLinesAsync(DateOnly asOf)
    {
        await using var command = _pipeline.Database.DataSource.CreateCommand("""
            SELECT c.customer_code, f.invoiced_at::date, f.quantity * f.unit_price
            FROM fact_sales f JOIN dim_customer c ON c.customer_id = f.customer_id
            WHERE f.unit_price > 0 AND f.invoiced_at < $1
            """);
        command.Parameters.AddWithValue(asOf.ToDateTime(TimeOnly.MinValue));
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<PurchaseLine>();
        while (await reader.ReadAsync())
            lines.Add(new PurchaseLine(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetDecimal(2)));
        return lines;
    }

    private async Task<double> HoldoutRepeatOccasionsAsync(DateOnly from, DateOnly to) =>
        await _pipeline.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM (
                SELECT DISTINCT f.customer_id, f.invoiced_at::date FROM fact_sales f
                WHERE f.unit_price > 0 AND f.invoiced_at >= '{from:yyyy-MM-dd}' AND f.invoiced_at < '{to:yyyy-MM-dd}'
                  AND f.customer_id IN (SELECT customer_id FROM fact_sales WHERE unit_price > 0 AND customer_id IS NOT NULL
                                        AND invoiced_at < '{from:yyyy-MM-dd}')) d
            """);
}
