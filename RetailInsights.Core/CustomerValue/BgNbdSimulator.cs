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

    /// <summary>
    /// Sale lines of <paramref name="count"/> customers (ids "C0", "C1", …) whose first purchase falls on a day drawn
    /// uniformly from [<paramref name="firstDay"/>, <paramref name="lastFirstDay"/>], who then buy and drop out as the
    /// BG/NBD tells until <paramref name="end"/> (exclusive), one line per purchase with a Gamma-Gamma spend in cents.
    /// Purchases are placed on the day their time falls in, so two in one day make one occasion (rare at weekly rates).
    /// </summary>
    public static List<PurchaseLine> Lines(BgNbdParameters purchases, GammaGammaParameters spend, int count,
        DateOnly firstDay, DateOnly lastFirstDay, DateOnly end, int seed)
    {
        var random = new Random(seed);
        var rates = new Gamma(purchases.R, purchases.Alpha, random);
        var dropouts = purchases.HasDropout ? new Beta(purchases.A, purchases.B, random) : null;
        var scales = new Gamma(spend.Q, spend.Gamma, random);
        var lines = new List<PurchaseLine>();
        var span = lastFirstDay.DayNumber - firstDay.DayNumber + 1;
        for (var i = 0; i < count; i++)
        {
            var id = "C" + i.ToString(CultureInfo.InvariantCulture);
            var first = firstDay.AddDays(random.Next(span));
            var weeks = (end.DayNumber - first.DayNumber) / 7.0;
            var lambda = rates.Sample();
            var p = dropouts?.Sample() ?? 0;
            var perOccasion = new Gamma(spend.P, scales.Sample(), random);
            decimal Amount() => Math.Max(0.01m, Math.Round((decimal)perOccasion.Sample(), 2));
            lines.Add(new PurchaseLine(id, first, Amount()));
            var time = 0.0;
            while (true)
            {
                time += -Math.Log(1 - random.NextDouble()) / lambda;
                if (time >= weeks)
                    break;
                lines.Add(new PurchaseLine(id, first.AddDays((int)(time * 7)), Amount()));
                if (random.NextDouble() < p)
                    break;
            }
        }
        return lines;
    }
}