using MathNet.Numerics;

namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// Gamma-Gamma spend parameters (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Colombo &amp; Jiang 1999): a customer's
/// spend per occasion is Gamma(<paramref name="P"/>, ν) around their own mean p/ν, and ν varies across customers as
/// Gamma(<paramref name="Q"/>, <paramref name="Gamma"/>). The population's mean spend per occasion is pγ/(q−1),
/// finite only when q &gt; 1.
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    public bool HasFiniteMean => Q > 1;
}

/// <summary>A Gamma-Gamma fit; when <see cref="Converged"/> is false <see cref="Failure"/> says why.</summary>
public sealed record GammaGammaFit(GammaGammaParameters? Parameters, double LogLikelihood, int Customers, bool Converged, string? Failure, IReadOnlyList<FitStart> Starts);

/// <summary>The Gamma-Gamma's likelihood, its fit on repeat customers' (x, zbar) and the expected spend per occasion.</summary>
public static class GammaGamma
{
    private const double LowerLog = -11.5;
    private const double UpperLog = 11.5;

    /// <summary>
    /// ln of the density of a mean spend zbar over x occasions: Γ(px+q)/(Γ(px)Γ(q)) · γ^q (x·zbar)^(px) / zbar ·
    /// (x·zbar + γ)^−(px+q) (a Gamma(px, xν) mean mixed over ν).
    /// </summary>
    public static double LogLikelihood(GammaGammaParameters g, int x, double zbar)
    {
        var px = g.P * x;
        return SpecialFunctions.GammaLn(px + g.Q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(g.Q)
            + g.Q * Math.Log(g.Gamma) + (px - 1) * Math.Log(zbar) + px * Math.Log(x) - (px + g.Q) * Math.Log(x * zbar + g.Gamma);
    }

    /// <summary>
    /// E[spend per occasion | x, zbar] = p(γ + x·zbar)/(px + q − 1): a weighted mean of the population's mean and the
    /// customer's own, the customer's weight growing with their occasions. With x = 0 it is the population's mean.
    /// </summary>
    public static double ExpectedSpend(GammaGammaParameters g, int x, double zbar) =>
        g.P * (g.Gamma + x * zbar) / (g.P * x + g.Q - 1);

    /// <summary>Fits on the customers with x &gt; 0 (and a positive zbar); the others say nothing about spend per repeat.</summary>
    public static GammaGammaFit Fit(IReadOnlyList<CustomerSummary> customers, int maximumIterations = 1000)
    {
        var repeat = customers.Where(c => c.X > 0 && c.Zbar > 0).ToArray();
        if (repeat.Length < 2)
            return new GammaGammaFit(null, double.NaN, repeat.Length, false, "fewer than two customers bought on a second day, so nothing shows how spend varies", []);
        var x = repeat.Select(c => (double)c.X).ToArray();
        var zbar = repeat.Select(c => c.Zbar).ToArray();
        var meanSpend = zbar.Average();

        // The spend model is scale-free in γ: starts put the population's mean near the observed one.
        double[][] shapes = [[1, 2], [4, 4], [10, 1.5]];
        var starts = shapes.Select(s => new[] { Math.Log(s[0]), Math.Log(s[1]), Math.Log(meanSpend * Math.Max(s[1] - 1, 0.5) / s[0]) }).ToList();
        var result = MaximumLikelihood.Maximize((theta, gradient) => MeanLogLikelihood(theta, gradient, x, zbar), starts, LowerLog, UpperLog, maximumIterations);
        if (!result.Converged)
            return new GammaGammaFit(null, double.NaN, repeat.Length, false, result.Failure, result.Starts);
        if (result.LogParameters.Any(v => MaximumLikelihood.AtBound(v, LowerLog, UpperLog)))
            return new GammaGammaFit(null, double.NaN, repeat.Length, false,
                "a spend parameter ran to its bound: the spend per occasion does not vary as the Gamma-Gamma assumes", result.Starts);
        var parameters = new GammaGammaParameters(Math.Exp(result.LogParameters[0]), Math.Exp(result.LogParameters[1]), Math.Exp(result.LogParameters[2]));
        if (!parameters.HasFiniteMean)
            return new GammaGammaFit(parameters, result.MeanLogLikelihood * repeat.Length, repeat.Length, false,
                $"q = {parameters.Q:G3} ≤ 1: spend per occasion is too heavy-tailed for a finite expected spend", result.Starts);
        return new GammaGammaFit(parameters, result.MeanLogLikelihood * repeat.Length, repeat.Length, true, null, result.Starts);
    }

    // Gradient in (ln p, ln q, ln γ) of the mean log-likelihood.
    private static double MeanLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient, double[] x, double[] zbar)
    {
        double p = Math.Exp(theta[0]), q = Math.Exp(theta[1]), gamma = Math.Exp(theta[2]);
        double lgQ = SpecialFunctions.GammaLn(q), psiQ = SpecialFunctions.DiGamma(q), logGamma = Math.Log(gamma);
        double sum = 0, gp = 0, gq = 0, gg = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var px = p * x[i];
            var logZ = Math.Log(zbar[i]);
            var logX = Math.Log(x[i]);
            var total = x[i] * zbar[i] + gamma;
            var logTotal = Math.Log(total);
            var psiPxQ = SpecialFunctions.DiGamma(px + q);
            sum += SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - lgQ + q * logGamma + (px - 1) * logZ + px * logX - (px + q) * logTotal;
            gp += x[i] * (psiPxQ - SpecialFunctions.DiGamma(px) + logZ + logX - logTotal);
            gq += psiPxQ - psiQ + logGamma - logTotal;
            gg += q / gamma - (px + q) / total;
        }
        gradient[0] = p * gp / x.Length;
        gradient[1] = q * gq / x.Length;
        gradient[2] = gamma * gg / x.Length;
        return sum / x.Length;
    }
}
