using MathNet.Numerics;

namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// The BG/NBD's per-customer quantities (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"), for a
/// customer with <c>x</c> repeat occasions, the last <c>tx</c> weeks after the first, observed for <c>T</c> weeks.
/// Without drop-out (<see cref="BgNbdParameters.HasDropout"/> false) each is the NBD's: every customer is alive.
/// </summary>
public static class BgNbdModel
{
    /// <summary>
    /// The log-likelihood of one customer's (x, tx, T): ln of
    /// B(a, b+x)/B(a, b) · Γ(r+x)α^r / (Γ(r)(α+T)^(r+x)) + [x &gt; 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x)α^r / (Γ(r)(α+tx)^(r+x)).
    /// </summary>
    public static double LogLikelihood(BgNbdParameters p, int x, double tx, double T)
    {
        var (r, alpha) = (p.R, p.Alpha);
        var rate = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + r * Math.Log(alpha);
        var stillActive = -(r + x) * Math.Log(alpha + T);
        if (!p.HasDropout)
            return rate + stillActive;
        var (a, b) = (p.A, p.B);
        var beta = SpecialFunctions.GammaLn(a + b) + SpecialFunctions.GammaLn(b + x) - SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b + x);
        if (x == 0)
            return rate + beta + stillActive;
        var droppedAtLast = Math.Log(a) - Math.Log(b + x - 1) - (r + x) * Math.Log(alpha + tx);
        return rate + beta + LogSumExp(stillActive, droppedAtLast);
    }

    /// <summary>
    /// P(alive at T | x, tx, T) = 1 / (1 + [x &gt; 0] · a/(b+x−1) · ((α+T)/(α+tx))^(r+x)). A customer with no repeat
    /// occasion is alive for sure: in the BG/NBD a customer can only drop out right after a repeat purchase.
    /// </summary>
    public static double ProbabilityAlive(BgNbdParameters p, int x, double tx, double T)
    {
        if (x == 0 || !p.HasDropout)
            return 1.0;
        var odds = Math.Exp(Math.Log(p.A / (p.B + x - 1)) + (p.R + x) * (Math.Log(p.Alpha + T) - Math.Log(p.Alpha + tx)));
        return 1.0 / (1.0 + odds);
    }

    /// <summary>
    /// E[occasions in (T, T+t] | x, tx, T], the paper's conditional expectation (its equation 10):
    /// (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive), z = t/(α+T+t).
    /// Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) turns the bracket into
    /// 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose numerator parameters no longer grow with x (so its
    /// series converges fast for frequent buyers, where the original's terms first grow like n^x), and whose
    /// second parameter a−1 factors out, removing the 0/0 of the closed form at a = 1:
    /// bracket/(a−1) = −expm1((a−1)L)/(a−1) − e^((a−1)L)·S, L = ln(1−z), S = Σ_{n≥1} (a+b−1−r)_n (a)_{n−1} zⁿ / ((a+b+x−1)_n n!).
    /// </summary>
    public static double ExpectedOccasions(BgNbdParameters p, int x, double tx, double T, double t)
    {
        if (t <= 0)
            return 0.0;
        if (!p.HasDropout)
            return (p.R + x) * t / (p.Alpha + T);
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var z = t / (alpha + T + t);
        var logOneMinusZ = -Accurate.Log1P(t / (alpha + T));
        var c = a + b + x - 1;
        var epsilon = a - 1;
        var shrink = Math.Exp(epsilon * logOneMinusZ);
        var firstPart = epsilon == 0 ? -logOneMinusZ : -Accurate.Expm1(epsilon * logOneMinusZ) / epsilon;
        var bracket = firstPart - shrink * TransformedSeries(a + b - 1 - r, a, c, z);
        return c * bracket * ProbabilityAlive(p, x, tx, T);
    }

    /// <summary>E[occasions in (0, t]] of a customer just acquired (x = tx = T = 0): the population's curve.</summary>
    public static double ExpectedOccasionsFromFirst(BgNbdParameters p, double t) => ExpectedOccasions(p, 0, 0, 0, t);

    /// <summary>
    /// P(no occasion in (T, T+t] | x, tx, T) = 1 − P(alive) + P(alive) · ((α+T)/(α+T+t))^(r+x).
    /// Why: a dead customer never buys again. An alive one cannot drop out before their next purchase (in the BG/NBD
    /// drop-out happens only right after a repeat purchase), so given alive the wait for the next purchase is exponential
    /// in the customer's rate λ, P(none in t | λ) = e^(−λt). Given alive, λ's posterior is
    /// Gamma(r+x, α+T) (the prior times λ^x e^(−λT), the likelihood of x purchases and none since), and the Gamma's
    /// Laplace transform gives E[e^(−λt)] = ((α+T)/(α+T+t))^(r+x).
    /// </summary>
    public static double ProbabilityNoOccasion(BgNbdParameters p, int x, double tx, double T, double t)
    {
        var alive = ProbabilityAlive(p, x, tx, T);
        var silentIfAlive = Math.Exp(-(p.R + x) * Accurate.Log1P(t / (p.Alpha + T)));
        return 1.0 - alive + alive * silentIfAlive;
    }

    /// <summary>
    /// Weeks from T to the customer's next occasion if still alive: the median of that wait, (α+T)(2^(1/(r+x)) − 1).
    /// Given alive the wait is a Gamma mixture of exponentials, a Lomax (Pareto II) of shape r+x and scale α+T (see
    /// <see cref="ProbabilityNoOccasion"/>); its median is finite for every customer (the mean is not when r+x ≤ 1,
    /// which is every one-time buyer when r &lt; 1), and "by this date, even odds they have bought again, if they are
    /// still a customer" reads plainly beside P(alive), which says how likely that "if" is.
    /// </summary>
    public static double MedianWeeksToNextOccasion(BgNbdParameters p, int x, double T) =>
        (p.Alpha + T) * Accurate.Expm1(Math.Log(2) / (p.R + x));

    internal static double LogSumExp(double u, double v)
    {
        var max = Math.Max(u, v);
        return max + Math.Log(Math.Exp(u - max) + Math.Exp(v - max));
    }

    // S = Σ_{n≥1} (α1)_n (a)_{n−1} zⁿ / ((c)_n n!), summed until the tail bound is below double precision. Terms end up
    // shrinking by about z each; while the ratio is above z (parameters larger than c) it is falling towards z, so
    // the current ratio bounds those to come, and below z, z does. A terminating series (α1 a non-positive integer)
    // ends on a zero term.
    internal static double TransformedSeries(double alpha1, double a, double c, double z)
    {
        var term = alpha1 * z / c;
        var sum = term;
        for (var n = 1; n < 10_000_000; n++)
        {
            var ratio = (alpha1 + n) * (a + n - 1) * z / ((c + n) * (n + 1));
            term *= ratio;
            sum += term;
            if (term == 0)
                return sum;
            // Until every factor is positive a ratio can be near zero by chance (α1 + n ≈ 0) and say nothing of the next.
            var settled = alpha1 + n > 1 && a + n > 2 && c + n > 1;
            var bound = Math.Max(Math.Abs(ratio), z);
            if (settled && bound < 1 && Math.Abs(term) * bound / (1 - bound) <= 1e-16 * Math.Abs(sum))
                return sum;
        }
        throw new ArithmeticException($"the hypergeometric series at z = {z} did not converge");
    }
}
