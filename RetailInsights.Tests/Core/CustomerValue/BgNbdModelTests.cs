using MathNet.Numerics;
using RetailInsights.Core.CustomerValue;

namespace RetailInsights.Tests.Core.CustomerValue;

[Trait("Tier", "unit")]
public sealed class BgNbdModelTests
{
    private static readonly BgNbdParameters P = Cdnow.Published;

    [Theory]
    [InlineData(2, 30.43, 38.86, 39)]
    [InlineData(0, 0, 38.86, 13)]
    [InlineData(7, 35, 38.86, 52)]
    [InlineData(1, 0.5, 1, 52)]
    [InlineData(25, 38, 39, 4)]
    public void ExpectedOccasions_isTheIntegralOverTheDropoutPosterior(int x, double tx, double T, double t)
    {
        // Independent of the hypergeometric: given alive, p ~ Beta(a, b+x) and E[occasions | λ, p] = (1 − e^(−λpt))/p,
        // whose mean over λ ~ Gamma(r+x, α+T) is (1 − (1 + pt/(α+T))^−(r+x))/p; integrated over p with u = p^a.
        const int steps = 200_000;
        var logBeta = SpecialFunctions.BetaLn(P.A, P.B + x);
        double Integrand(double u)
        {
            var p = Math.Pow(u, 1 / P.A);
            var mean = p < 1e-8 ? (P.R + x) * t / (P.Alpha + T) : (1 - Math.Pow(1 + p * t / (P.Alpha + T), -(P.R + x))) / p;
            return Math.Pow(1 - p, P.B + x - 1) * mean;
        }
        var sum = Integrand(0) + Integrand(1);
        for (var i = 1; i < steps; i++)
            sum += (i % 2 == 1 ? 4 : 2) * Integrand((double)i / steps);
        var integral = sum / (3.0 * steps) / P.A / Math.Exp(logBeta);

        Assert.Equal(integral * BgNbdModel.ProbabilityAlive(P, x, tx, T), BgNbdModel.ExpectedOccasions(P, x, tx, T, t), 6);
    }

    [Fact]
    public void ExpectedOccasions_nearAEqualOne_isContinuousThroughTheRemovableSingularity()
    {
        var below = BgNbdModel.ExpectedOccasions(P with { A = 1 - 1e-9 }, 3, 20, 38, 26);
        var at = BgNbdModel.ExpectedOccasions(P with { A = 1 }, 3, 20, 38, 26);
        var above = BgNbdModel.ExpectedOccasions(P with { A = 1 + 1e-9 }, 3, 20, 38, 26);

        Assert.Equal(at, below, 7);
        Assert.Equal(at, above, 7);
    }

    [Fact]
    public void TransformedSeries_isTheHypergeometricItReplaces()
    {
        // ₂F₁(A, a−1; C; z) = 1 + (a−1)·S, checked against the plain series where it converges quickly.
        double alpha1 = 2.7, a = 0.6, c = 4.2, z = 0.3;
        double plain = 1, term = 1;
        for (var n = 0; n < 200; n++)
        {
            term *= (alpha1 + n) * (a - 1 + n) * z / ((c + n) * (n + 1));
            plain += term;
        }

        Assert.Equal(plain, 1 + (a - 1) * BgNbdModel.TransformedSeries(alpha1, a, c, z), 12);
    }

    [Fact]
    public void ProbabilityAlive_noRepeat_isOne_andFallsWithTimeSinceTheLastOccasion()
    {
        Assert.Equal(1.0, BgNbdModel.ProbabilityAlive(P, 0, 0, 30));
        var recent = BgNbdModel.ProbabilityAlive(P, 5, 37, 38);
        var lapsed = BgNbdModel.ProbabilityAlive(P, 5, 10, 38);

        Assert.InRange(recent, 0.8, 1.0);
        Assert.InRange(lapsed, 0.0, 0.2);
    }

    [Fact]
    public void ProbabilityNoOccasion_runsFromOneToTheChanceTheCustomerHasLeft()
    {
        var dead = 1 - BgNbdModel.ProbabilityAlive(P, 4, 12, 38);

        Assert.Equal(1.0, BgNbdModel.ProbabilityNoOccasion(P, 4, 12, 38, 0), 12);
        Assert.Equal(dead, BgNbdModel.ProbabilityNoOccasion(P, 4, 12, 38, 1e9), 6);
        Assert.InRange(BgNbdModel.ProbabilityNoOccasion(P, 4, 12, 38, 90 / 7.0), dead, 1.0);
    }

    [Fact]
    public void MedianWeeksToNextOccasion_isWhenAnAliveCustomerHasEvenOddsOfHavingBought()
    {
        // With no repeat the customer is alive for sure, so P(no occasion by the median) is exactly one half.
        var median = BgNbdModel.MedianWeeksToNextOccasion(P, 0, 20);

        Assert.Equal(0.5, BgNbdModel.ProbabilityNoOccasion(P, 0, 0, 20, median), 12);
    }

    [Fact]
    public void ExpectedOccasions_withoutDropout_isTheNbdsLinearRate()
    {
        var nbd = BgNbdParameters.WithoutDropout(0.5, 5);

        Assert.Equal((0.5 + 3) * 10 / (5 + 20.0), BgNbdModel.ExpectedOccasions(nbd, 3, 15, 20, 10), 12);
        Assert.Equal(1.0, BgNbdModel.ProbabilityAlive(nbd, 3, 1, 20));
    }
}
