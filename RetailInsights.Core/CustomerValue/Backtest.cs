namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// Holdout week <paramref name="Week"/> (1 = the first week after the calibration end): repeat occasions of the
/// calibration customers predicted and observed in that week, and both summed from the calibration end.
/// </summary>
public sealed record BacktestWeek(int Week, double PredictedIncremental, double ActualIncremental, double PredictedCumulative, double ActualCumulative);

/// <summary>
/// The calibration plot's point: the customers with <paramref name="Frequency"/> repeat occasions in the calibration
/// period ("0".."6", "7+"), their mean predicted and mean actual occasions in the holdout.
/// </summary>
public sealed record FrequencyGroup(string Frequency, int Customers, double MeanPredicted, double MeanActual);

/// <summary>The calibration customers in a churn band at the calibration end and the share who bought in the holdout.</summary>
public sealed record BandOutcome(ChurnBand Band, int Customers, double ShareWhoBought);

/// <summary>
/// The purchase model refitted on the history before <paramref name="CalibrationEnd"/> and its predictions for the
/// <paramref name="HoldoutWeeks"/> after it set against what the same customers did. Customers first seen in the
/// holdout are left out: the model predicts the repeat occasions of the customers it knows. Frequency groups and
/// bands with no customer are left out (their means are undefined). <paramref name="MeanAbsoluteError"/> is the mean
/// over customers of |predicted − actual| holdout occasions.
/// </summary>
public sealed record Backtest(DateOnly CalibrationEnd, int HoldoutWeeks, BgNbdParameters Parameters,
    IReadOnlyList<BacktestWeek> Weeks, IReadOnlyList<FrequencyGroup> ByFrequency, double MeanAbsoluteError,
    IReadOnlyList<BandOutcome> Bands);
