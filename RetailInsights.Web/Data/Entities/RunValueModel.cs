namespace RetailInsights.Web.Data.Entities;

/// <summary>
/// The customer-value models of one run: whether they could be fitted (and why not), their parameters and
/// diagnostics, and the backtest that shows how far to trust them. Parameters are null when there is no fit.
/// </summary>
public sealed class RunValueModel
{
    public long RunId { get; set; }

    /// <summary>fitted, insufficient or failed (<see cref="RunValueModelStatuses"/>).</summary>
    public required string Status { get; set; }

    /// <summary>Why there are no predictions, or what a marketer should know of the ones there are.</summary>
    public string? Reason { get; set; }

    public int Customers { get; set; }
    public int RepeatCustomers { get; set; }
    public double HistoryWeeks { get; set; }
    public double MonthlyDiscountRate { get; set; }
    public int HorizonMonths { get; set; }

    public double? R { get; set; }
    public double? Alpha { get; set; }
    public double? A { get; set; }
    public double? B { get; set; }
    public double? PurchasesLogLikelihood { get; set; }

    public double? P { get; set; }
    public double? Q { get; set; }
    public double? Gamma { get; set; }
    public double? SpendLogLikelihood { get; set; }

    /// <summary>Each fit's starts, convergence and notes, as JSON.</summary>
    public string? Diagnostics { get; set; }

    /// <summary>The backtest (tracking, calibration, error, bands), as JSON; null with <see cref="BacktestReason"/>.</summary>
    public string? Backtest { get; set; }
    public string? BacktestReason { get; set; }
}

public static class RunValueModelStatuses
{
    public const string Fitted = "fitted";
    public const string Insufficient = "insufficient";
    public const string Failed = "failed";
}
