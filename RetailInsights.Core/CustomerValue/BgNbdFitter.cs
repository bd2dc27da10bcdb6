using MathNet.Numerics;

namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// Fits the BG/NBD by maximum likelihood on customers' (x, tx, T): bounded BFGS on log-parameters from several starts,
/// the best converged start kept. Customers with equal (x, tx, T) are counted once with a weight and the Gamma
/// function terms are computed once per distinct x, so an evaluation costs a few logarithms per distinct history.
/// </summary>
public static class BgNbdFitter
{
    // Times are rescaled so the longest T is 10 before fitting (α scales with them; r, a, b do not), so that the box
    // and the starts below suit data in any unit. The box is wide enough for every real fit seen in the literature.
    private const double ScaledLongestT = 10;
    private const double LowerLog = -11.5;
    private const double UpperLog = 11.5;

    public static BgNbdFit Fit(IReadOnlyList<CustomerSummary> customers, int maximumIterations = 1000) =>
        Fit(customers.Select(c => c.X).ToArray(), customers.Select(c => c.Tx).ToArray(), customers.Select(c => c.T).ToArray(), maximumIterations);

    public static BgNbdFit Fit(IReadOnlyList<int> x, IReadOnlyList<double> tx, IReadOnlyList<double> T, int maximumIterations = 1000)
    {
        if (x.Count == 0)
            return Failed(0, "no customers to fit");
        if (x.All(v => v == 0))
            return Failed(x.Count, "no customer bought on a second day, so nothing shows how often customers buy");
        var longest = T.Max();
        if (!(longest > 0))
            return Failed(x.Count, "every customer's history is shorter than a day");

        var scale = ScaledLongestT / longest;
        var data = new Histories(x, tx, T, scale);
        // The likelihood of times is a density: in the caller's unit it differs from the scaled one by Σ x·ln(scale).
        var unitShift = x.Sum(v => (double)v) * Math.Log(scale) / x.Count;
        var meanRate = x.Average(v => (double)v) / T.Average() / scale;

        var full = MaximumLikelihood.Maximize(data.BgNbd, Starts(meanRate, withDropout: true), LowerLog, UpperLog, maximumIterations);
        if (!full.Converged)
            return Failed(x.Count, full.Failure!, full.Starts);
        var (r, alpha) = (Math.Exp(full.LogParameters[0]), Math.Exp(full.LogParameters[1]) / scale);
        if (MaximumLikelihood.AtBound(full.LogParameters[0], LowerLog, UpperLog) || MaximumLikelihood.AtBound(full.LogParameters[1], LowerLog, UpperLog))
            return Failed(x.Count, $"the purchase-rate parameters ran to their bound (r = {r:G3}, α = {alpha:G3}): these data do not pin down how often customers buy", full.Starts);
        if (!MaximumLikelihood.AtBound(full.LogParameters[2], LowerLog, UpperLog) && !MaximumLikelihood.AtBound(full.LogParameters[3], LowerLog, UpperLog))
        {
            var parameters = new BgNbdParameters(r, alpha, Math.Exp(full.LogParameters[2]), Math.Exp(full.LogParameters[3]));
            return new BgNbdFit(parameters, (full.MeanLogLikelihood + unitShift) * x.Count, x.Count, true, null, false, null, full.Starts);
        }

        var nbd = MaximumLikelihood.Maximize(data.Nbd, Starts(meanRate, withDropout: false), LowerLog, UpperLog, maximumIterations);
        if (!nbd.Converged)
            return Failed(x.Count, "drop-out ran to its bound and the NBD fit failed: " + nbd.Failure, [.. full.Starts, .. nbd.Starts]);
        var nbdParameters = BgNbdParameters.WithoutDropout(Math.Exp(nbd.LogParameters[0]), Math.Exp(nbd.LogParameters[1]) / scale);
        return new BgNbdFit(nbdParameters, (nbd.MeanLogLikelihood + unitShift) * x.Count, x.Count, true, null, true,
            "No drop-out shows in these data: the drop-out parameters a and b ran to their bound, so the model is the NBD " +
            "(customers buy at their own steady rates and none is taken to have left; P(alive) is 1 for everyone).",
            [.. full.Starts, .. nbd.Starts]);
    }

    /// <summary>The total log-likelihood of the customers under the parameters (in the customers' time unit).</summary>
    public static double LogLikelihood(BgNbdParameters p, IReadOnlyList<CustomerSummary> customers) =>
        customers.Sum(c => BgNbdModel.LogLikelihood(p, c.X, c.Tx, c.T));

    private static BgNbdFit Failed(int customers, string why, IReadOnlyList<FitStart>? starts = null) =>
        new(null, double.NaN, customers, false, why, false, null, starts ?? []);

    // Spread over the shapes seen in published fits (r from heavy-tailed 0.25 to regular 4; drop-out from common
    // to rare); α from the mean purchase rate r/α in the scaled unit.
    private static List<double[]> Starts(double meanRate, bool withDropout)
    {
        var rate = Math.Max(meanRate, 1e-3);
        double[][] shapes = [[0.25, 1, 3], [1, 0.5, 1], [4, 2, 8]];
        return shapes.Select(s => withDropout
            ? new[] { Math.Log(s[0]), Math.Log(s[0] / rate), Math.Log(s[1]), Math.Log(s[2]) }
            : [Math.Log(s[0]), Math.Log(s[0] / rate)]).ToList();
    }

    /// <summary>The customers as distinct (x, tx, T) histories with their counts, in the scaled unit.</summary>
    private sealed class Histories
    {
        private readonly int[] _xIndex;
        private readonly double[] _x;
        private readonly double[] _tx;
        private readonly double[] _t;
        private readonly double[] _weight;
        private readonly int[] _distinctX;
        private readonly double _total;

        public Histories(IReadOnlyList<int> x, IReadOnlyList<double> tx, IReadOnlyList<double> T, double scale)
        {
            var counts = new Dictionary<(int, double, double), int>();
            for (var i = 0; i < x.Count; i++)
            {
                var key = (x[i], tx[i], T[i]);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
            _distinctX = counts.Keys.Select(k => k.Item1).Distinct().Order().ToArray();
            var position = _distinctX.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
            var groups = counts.ToArray();
            _xIndex = groups.Select(g => position[g.Key.Item1]).ToArray();
            _x = groups.Select(g => (double)g.Key.Item1).ToArray();
            _tx = groups.Select(g => g.Key.Item2 * scale).ToArray();
            _t = groups.Select(g => g.Key.Item3 * scale).ToArray();
            _weight = groups.Select(g => (double)g.Value).ToArray();
            _total = x.Count;
        }

        /// <summary>Mean log-likelihood and its gradient in (ln r, ln α, ln a, ln b).</summary>
        public double BgNbd(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            double r = Math.Exp(theta[0]), alpha = Math.Exp(theta[1]), a = Math.Exp(theta[2]), b = Math.Exp(theta[3]);
            var m = _distinctX.Length;
            var rateLog = new double[m];
            var rateDigamma = new double[m];
            var betaLog = new double[m];
            var betaDigammaA = new double[m];
            var betaDigammaB = new double[m];
            var droppedLog = new double[m];
            var droppedInverse = new double[m];
            double lgRr = SpecialFunctions.GammaLn(r), psiR = SpecialFunctions.DiGamma(r);
            double lgAb = SpecialFunctions.GammaLn(a + b), psiAb = SpecialFunctions.DiGamma(a + b);
            double lgB = SpecialFunctions.GammaLn(b), psiB = SpecialFunctions.DiGamma(b);
            for (var k = 0; k < m; k++)
            {
                var xk = _distinctX[k];
                rateLog[k] = SpecialFunctions.GammaLn(r + xk) - lgRr;
                rateDigamma[k] = SpecialFunctions.DiGamma(r + xk) - psiR;
                var psiAbx = SpecialFunctions.DiGamma(a + b + xk);
                betaLog[k] = lgAb + SpecialFunctions.GammaLn(b + xk) - lgB - SpecialFunctions.GammaLn(a + b + xk);
                betaDigammaA[k] = psiAb - psiAbx;
                betaDigammaB[k] = psiAb + SpecialFunctions.DiGamma(b + xk) - psiB - psiAbx;
                droppedLog[k] = xk > 0 ? Math.Log(a) - Math.Log(b + xk - 1) : double.NegativeInfinity;
                droppedInverse[k] = xk > 0 ? 1.0 / (b + xk - 1) : 0;
            }

            var logAlpha = Math.Log(alpha);
            double sum = 0, gr = 0, galpha = 0, ga = 0, gb = 0;
            for (var i = 0; i < _x.Length; i++)
            {
                var k = _xIndex[i];
                var rx = r + _x[i];
                var logT = Math.Log(alpha + _t[i]);
                var stillActive = -rx * logT;
                double tail, w, logTx = 0;
                if (_x[i] > 0)
                {
                    logTx = Math.Log(alpha + _tx[i]);
                    var dropped = droppedLog[k] - rx * logTx;
                    tail = BgNbdModel.LogSumExp(stillActive, dropped);
                    w = Math.Exp(dropped - tail);
                }
                else
                {
                    tail = stillActive;
                    w = 0;
                }
                var weight = _weight[i];
                sum += weight * (rateLog[k] + r * logAlpha + betaLog[k] + tail);
                gr += weight * (rateDigamma[k] + logAlpha - (1 - w) * logT - w * logTx);
                galpha += weight * (r / alpha - rx * ((1 - w) / (alpha + _t[i]) + (w == 0 ? 0 : w / (alpha + _tx[i]))));
                ga += weight * (betaDigammaA[k] + w / a);
                gb += weight * (betaDigammaB[k] - w * droppedInverse[k]);
            }
            gradient[0] = r * gr / _total;
            gradient[1] = alpha * galpha / _total;
            gradient[2] = a * ga / _total;
            gradient[3] = b * gb / _total;
            return sum / _total;
        }

        /// <summary>The NBD's (no drop-out) mean log-likelihood and its gradient in (ln r, ln α).</summary>
        public double Nbd(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            double r = Math.Exp(theta[0]), alpha = Math.Exp(theta[1]);
            var m = _distinctX.Length;
            var rateLog = new double[m];
            var rateDigamma = new double[m];
            double lgRr = SpecialFunctions.GammaLn(r), psiR = SpecialFunctions.DiGamma(r);
            for (var k = 0; k < m; k++)
            {
                rateLog[k] = SpecialFunctions.GammaLn(r + _distinctX[k]) - lgRr;
                rateDigamma[k] = SpecialFunctions.DiGamma(r + _distinctX[k]) - psiR;
            }
            var logAlpha = Math.Log(alpha);
            double sum = 0, gr = 0, galpha = 0;
            for (var i = 0; i < _x.Length; i++)
            {
                var k = _xIndex[i];
                var rx = r + _x[i];
                var logT = Math.Log(alpha + _t[i]);
                var weight = _weight[i];
                sum += weight * (rateLog[k] + r * logAlpha - rx * logT);
                gr += weight * (rateDigamma[k] + logAlpha - logT);
                galpha += weight * (r / alpha - rx / (alpha + _t[i]));
            }
            gradient[0] = r * gr / _total;
            gradient[1] = alpha * galpha / _total;
            return sum / _total;
        }
    }
}
