namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// Churn risk from the probability of no occasion in the next 90 days: below 1/3 Low, below 2/3 Medium, else High
/// (Klaviyo's bands).
/// </summary>
public enum ChurnBand { Low = 0, Medium = 1, High = 2 }

/// <summary>
/// Fitted: predictions made. Insufficient: the data are below a minimum of <see cref="CustomerValueOptions"/>.
/// Failed: the purchase model (BG/NBD) could not be fitted. Either of the last two has no predictions.
/// </summary>
public enum ForecastStatus { Fitted, Insufficient, Failed }

/// <summary>
/// One customer's forecast as of the forecast day: their history (<paramref name="X"/> repeat occasions,
/// <paramref name="Tx"/> and <paramref name="T"/> in weeks), P(alive), expected occasions in the next 30, 90 and 365 days,
/// the probability of no occasion in the next 90 days and its band, the expected spend per occasion, the discounted
/// value over the horizon, and the day by which, if still a customer, they have even odds of having bought again.
/// </summary>
public sealed record CustomerPrediction(string CustomerId, int X, double Tx, double T, double ProbabilityAlive,
    double Expected30, double Expected90, double Expected365, double ProbabilityNoOccasion90, ChurnBand Band,
    double ExpectedSpend, double PredictedValue, DateOnly NextOccasion);

/// <summary>
/// A customer value forecast as of <paramref name="AsOf"/> (exclusive). <paramref name="Reason"/> says why when the
/// status is not Fitted; when Fitted it carries what a reader must know about the numbers (no drop-out in the data, or
/// spend per occasion taken from customers' own means), else null. <paramref name="HistoryWeeks"/> runs from the first
/// occasion in the data to AsOf. <paramref name="Backtest"/> is null when it could not be made, and
/// <paramref name="BacktestReason"/> then says why.
/// </summary>
public sealed record CustomerValueForecast(ForecastStatus Status, string? Reason, DateOnly AsOf,
    int Customers, int RepeatCustomers, double HistoryWeeks,
    BgNbdFit? Purchases, GammaGammaFit? Spend,
    IReadOnlyList<CustomerPrediction> Predictions,
    Backtest? Backtest, string? BacktestReason);
