using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.CustomerValue;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// The customer-value part of a run, written inside <see cref="RunWriter"/>'s transaction: the models' row (status,
/// reason, parameters, diagnostics, backtest) and, when they were fitted, every customer's predictions.
/// </summary>
internal static class CustomerValueWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(NpgsqlConnection connection, long runId, CustomerValueForecast forecast, CustomerValueOptions options,
        CancellationToken cancellationToken)
    {
        var purchases = forecast.Purchases?.Parameters;
        var spend = forecast.Spend?.Parameters;
        await using (var command = new NpgsqlCommand("""
            INSERT INTO run_value_models (run_id, status, reason, customers, repeat_customers, history_weeks, monthly_discount_rate,
                horizon_months, r, alpha, a, b, purchases_log_likelihood, p, q, gamma, spend_log_likelihood, diagnostics, backtest,
                backtest_reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19::jsonb, $20)
            """, connection))
        {
            object?[] values =
            [
                runId, Status(forecast.Status), forecast.Reason, forecast.Customers, forecast.RepeatCustomers, forecast.HistoryWeeks,
                options.MonthlyDiscountRate, options.HorizonMonths,
                purchases?.R, purchases?.Alpha, purchases?.A, purchases?.B, purchases is null ? null : forecast.Purchases!.LogLikelihood,
                spend?.P, spend?.Q, spend?.Gamma, spend is null ? null : forecast.Spend!.LogLikelihood,
                JsonSerializer.Serialize(Diagnostics(forecast), Json),
                forecast.Backtest is null ? null : JsonSerializer.Serialize(forecast.Backtest, Json),
                forecast.BacktestReason,
            ];
            foreach (var value in values)
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (forecast.Status == ForecastStatus.Fitted)
            await CopyPredictionsAsync(connection, runId, forecast.Predictions, cancellationToken);
    }

    public static string Status(ForecastStatus status) => status switch
    {
        ForecastStatus.Fitted => RunValueModelStatuses.Fitted,
        ForecastStatus.Insufficient => RunValueModelStatuses.Insufficient,
        _ => RunValueModelStatuses.Failed,
    };

    private static object Diagnostics(CustomerValueForecast forecast) => new
    {
        purchases = forecast.Purchases is { } p
            ? new { p.Converged, p.Failure, p.DropoutAtBound, p.Note, p.Customers, p.Starts }
            : null,
        spend = forecast.Spend is { } s ? new { s.Converged, s.Failure, s.Customers, s.Starts } : null,
    };

    private static async Task CopyPredictionsAsync(NpgsqlConnection connection, long runId, IReadOnlyList<CustomerPrediction> predictions,
        CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY run_customer_values (run_id, customer_code, repeat_occasions, recency_weeks, age_weeks, probability_alive, expected_30_days,
                expected_90_days, expected_365_days, churn_risk, churn_band, expected_spend, predicted_value, next_occasion)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var p in predictions)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(p.CustomerId, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(p.X, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(p.Tx, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(p.T, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(p.ProbabilityAlive, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(p.Expected30, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(p.Expected90, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(p.Expected365, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(p.ProbabilityNoOccasion90, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync((short)p.Band, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync(Money(p.ExpectedSpend), NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(Money(p.PredictedValue), NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(p.NextOccasion, NpgsqlDbType.Date, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static decimal Money(double value) => Math.Round((decimal)value, 2);
}
