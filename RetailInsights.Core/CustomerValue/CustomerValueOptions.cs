namespace RetailInsights.Core.CustomerValue;

/// <summary>Settings of a customer value forecast (see <see cref="CustomerValueForecaster"/>).</summary>
public sealed record CustomerValueOptions
{
    /// <summary>The discount rate per month of the predicted value.</summary>
    public double MonthlyDiscountRate { get; init; } = 0.01;

    /// <summary>Months the predicted value covers.</summary>
    public int HorizonMonths { get; init; } = 12;

    /// <summary>Weeks held out at the end of the history for the backtest; 0 turns it off.</summary>
    public int BacktestWeeks { get; init; } = 13;

    /// <summary>Customers a fit needs; below it the forecast is <see cref="ForecastStatus.Insufficient"/>.</summary>
    public int MinCustomers { get; init; } = 200;

    /// <summary>Customers with a repeat occasion (x &gt; 0) a fit needs: only they show how often customers buy and leave.</summary>
    public int MinRepeatCustomers { get; init; } = 50;

    /// <summary>Weeks from the first occasion in the data to the forecast day a fit needs.</summary>
    public int MinHistoryWeeks { get; init; } = 26;
}
