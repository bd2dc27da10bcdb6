using System.Globalization;
using MathNet.Numerics.Distributions;

namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// Customers drawn from the BG/NBD's own story, for tests and benchmarks that need data whose true parameters are
/// known: each gets a rate λ ~ Gamma(r, α) and a drop-out probability p ~ Beta(a, b) (never with no drop-out), buys
/// after exponential waits and drops out after each repeat purchase with probability p; spend per occasion is Gamma-Gamma.
/// </summary>
public static class BgNbdSimulator
{
    /// <summary>Customers observed for T weeks drawn uniformly from [<paramref name="shortestT"/>, <paramref name="longestT"/>].</summary>
    public static IReadOnlyList<CustomerSummary> Customers(BgNbdParameters purchases, GammaGammaParameters spend, int count,
        double shortestT, double longestT, int seed)
    {
        var random = new Random(seed);
        var rates = new Gamma(purchases.R, purchases.Alpha, random);
        var dropouts = purchases.HasDropout ? new Beta(purchases.A, purchases.B, random) : null;
        var scales = new Gamma(spend.Q, spend.Gamma, random);
        var customers = new CustomerSummary[count];
        for (var i = 0; i < count; i++)
        {
            var T = shortestT + (longestT - shortestT) * random.NextDouble();
            var lambda = rates.Sample();
            var p = dropouts?.Sample() ?? 0;
            var (x, last, time) = (0, 0.0, 0.0);
            while (true)
            {
                time += -Math.Log(1 - random.NextDouble()) / lambda;
                if (time >= T)
                    break;
                (x, last) = (x + 1, time);
                if (random.NextDouble() < p)
                    break;
            }
            var nu = scales.Sample();
            var zbar = x == 0 ? 0 : Gamma.Sample(random, spend.P * x, nu * x);
            customers[i] = new CustomerSummary(i.ToString(CultureInfo.InvariantCulture), x, last, T, zbar);
        }
        return customers;
    }
}
