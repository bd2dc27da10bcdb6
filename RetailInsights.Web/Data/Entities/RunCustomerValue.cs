namespace RetailInsights.Web.Data.Entities;

/// <summary>
/// A customer's predicted value in one run: what the BG/NBD and Gamma-Gamma models fitted on the run's history say
/// of the customer's next days (see Core.CustomerValue). A run whose data were too few for a fit has none.
/// </summary>
public sealed class RunCustomerValue
{
    public long RunId { get; set; }
    public required string CustomerCode { get; set; }

    /// <summary>Repeat occasions before the run's day (occasions minus one).</summary>
    public int RepeatOccasions { get; set; }

    /// <summary>Weeks from the first occasion to the last (t_x) and to the run's day (T).</summary>
    public double RecencyWeeks { get; set; }
    public double AgeWeeks { get; set; }

    public double ProbabilityAlive { get; set; }
    public double Expected30Days { get; set; }
    public double Expected90Days { get; set; }
    public double Expected365Days { get; set; }

    /// <summary>Probability of no occasion in the next 90 days; <see cref="ChurnBand"/> is its band.</summary>
    public double ChurnRisk { get; set; }

    /// <summary>0 low (&lt; 1/3), 1 medium, 2 high (≥ 2/3).</summary>
    public short ChurnBand { get; set; }

    public decimal ExpectedSpend { get; set; }
    public decimal PredictedValue { get; set; }
    public DateOnly NextOccasion { get; set; }
}
