namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// A customer's discounted value over the next months: Σ_{m=1..M} (E[occasions by month m] − E[by month m−1]) ·
/// E[spend per occasion] / (1+d)^m, d the monthly discount rate (lifetimes' <c>customer_lifetime_value</c>). Each
/// month's expected occasions is the BG/NBD's conditional expectation, so it costs M evaluations per customer and no
/// memory beyond the sum.
/// </summary>
public static class CustomerLifetimeValue
{
    /// <summary>A month as an average calendar month: 365.25/12 days, in weeks.</summary>
    public const double WeeksPerMonth = 365.25 / 12 / 7;

    public static double Compute(BgNbdParameters purchases, GammaGammaParameters spend, CustomerSummary customer, int months, double monthlyDiscountRate) =>
        Compute(purchases, GammaGamma.ExpectedSpend(spend, customer.X, customer.Zbar), customer.X, customer.Tx, customer.T, months, monthlyDiscountRate);

    /// <summary>The value with a given expected spend per occasion.</summary>
    public static double Compute(BgNbdParameters purchases, double expectedSpend, int x, double tx, double T, int months, double monthlyDiscountRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(monthlyDiscountRate, -1);
        var value = 0.0;
        var before = 0.0;
        var discount = 1.0;
        for (var m = 1; m <= months; m++)
        {
            var byMonth = BgNbdModel.ExpectedOccasions(purchases, x, tx, T, m * WeeksPerMonth);
            discount /= 1 + monthlyDiscountRate;
            value += (byMonth - before) * expectedSpend * discount;
            before = byMonth;
        }
        return value;
    }
}
