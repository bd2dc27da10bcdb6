using RetailInsights.Core.CustomerValue;

namespace RetailInsights.Tests.Core.CustomerValue;

/// <summary>Fits on generated customers whose true parameters are known, and the fits that cannot be made.</summary>
[Trait("Tier", "unit")]
public sealed class FitBehaviourTests
{
    private static readonly GammaGammaParameters Spend = new(6, 4, 15);

    [Fact]
    public void BgNbdFit_generatedCustomers_recoversTheParametersTheyWereDrawnFrom()
    {
        var truth = new BgNbdParameters(0.8, 6, 0.7, 3);
        var customers = BgNbdSimulator.Customers(truth, Spend, 20_000, 26, 78, seed: 7);

        var fit = BgNbdFitter.Fit(customers);

        Assert.True(fit.Converged, fit.Failure);
        Assert.False(fit.DropoutAtBound);
        Assert.Equal(truth.R, fit.Parameters!.R, 0.1);
        Assert.Equal(truth.Alpha, fit.Parameters.Alpha, 1.0);
        Assert.Equal(truth.A, fit.Parameters.A, 0.15);
        Assert.Equal(truth.B, fit.Parameters.B, 0.8);
    }

    [Fact]
    public void BgNbdFit_customersWhoNeverLeave_isTheNbdAndSaysSo()
    {
        var customers = BgNbdSimulator.Customers(BgNbdParameters.WithoutDropout(1.5, 10), Spend, 5_000, 26, 78, seed: 3);

        var fit = BgNbdFitter.Fit(customers);

        Assert.True(fit.Converged, fit.Failure);
        Assert.True(fit.DropoutAtBound);
        Assert.False(fit.Parameters!.HasDropout);
        Assert.Contains("the model is the NBD", fit.Note);
        Assert.Equal(1.5, fit.Parameters.R, 0.2);
        Assert.Equal(1.0, BgNbdModel.ProbabilityAlive(fit.Parameters, 5, 2, 60));
    }

    [Fact]
    public void BgNbdFit_nobodyCameBack_failsSayingWhy()
    {
        var customers = Enumerable.Range(0, 50).Select(i => new CustomerSummary($"C{i}", 0, 0, 10 + i, 0)).ToList();

        var fit = BgNbdFitter.Fit(customers);

        Assert.False(fit.Converged);
        Assert.Null(fit.Parameters);
        Assert.Contains("no customer bought on a second day", fit.Failure);
    }

    [Fact]
    public void BgNbdFit_tooFewIterations_reportsEveryStartsReasonInsteadOfNumbers()
    {
        var fit = BgNbdFitter.Fit(Cdnow.Summary.Value, maximumIterations: 2);

        Assert.False(fit.Converged);
        Assert.Null(fit.Parameters);
        Assert.StartsWith("no start converged: start 1:", fit.Failure);
        Assert.Equal(3, fit.Starts.Count);
    }

    [Fact]
    public void GammaGammaFit_generatedRepeatCustomers_recoversTheSpendParameters()
    {
        var customers = BgNbdSimulator.Customers(new BgNbdParameters(2, 4, 0.5, 4), Spend, 20_000, 52, 52, seed: 11);

        var fit = GammaGamma.Fit(customers);

        Assert.True(fit.Converged, fit.Failure);
        Assert.Equal(Spend.P, fit.Parameters!.P, 0.8);
        Assert.Equal(Spend.Q, fit.Parameters.Q, 0.5);
        Assert.Equal(Spend.Gamma, fit.Parameters.Gamma, 3.0);
    }

    [Fact]
    public void CustomerLifetimeValue_isTheDiscountedSumOfMonthlyIncrements()
    {
        var customer = new CustomerSummary("C", 3, 30, 38.86, 40);
        var spend = GammaGamma.ExpectedSpend(Spend, 3, 40);
        double Expected(int month) => BgNbdModel.ExpectedOccasions(Cdnow.Published, 3, 30, 38.86, month * CustomerLifetimeValue.WeeksPerMonth);

        var undiscounted = CustomerLifetimeValue.Compute(Cdnow.Published, Spend, customer, 12, 0);
        var discounted = CustomerLifetimeValue.Compute(Cdnow.Published, Spend, customer, 2, 0.01);

        Assert.Equal(Expected(12) * spend, undiscounted, 9);
        Assert.Equal(Expected(1) * spend / 1.01 + (Expected(2) - Expected(1)) * spend / (1.01 * 1.01), discounted, 9);
    }
}
