using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace RetailInsights.Core.CustomerValue;

/// <summary>How one starting point of a fit ended: where it started, whether it converged and why it stopped.</summary>
public sealed record FitStart(IReadOnlyList<double> From, bool Converged, string Exit, double LogLikelihood, int Iterations);

/// <summary>
/// Maximises a mean log-likelihood over log-parameters with MathNet's bounded BFGS (BFGS-B) from several starts.
/// Working on log-parameters keeps every parameter positive; the box keeps the search away from overflow and lets a
/// parameter that runs away (a model the data cannot identify) be seen at its bound instead of as a huge number.
/// </summary>
internal static class MaximumLikelihood
{
    /// <summary>The mean log-likelihood at log-parameters θ, writing its gradient (d/dθ) into the span.</summary>
    public delegate double Objective(ReadOnlySpan<double> logParameters, Span<double> gradient);

    public sealed record Result(double[] LogParameters, double MeanLogLikelihood, bool Converged, string? Failure, IReadOnlyList<FitStart> Starts);

    // The gradient of a mean log-likelihood: a component this small is a flat enough slope for three-decimal
    // parameters, while a start that stopped early on a slope is reported rather than trusted.
    private const double GradientTolerance = 1e-6;

    public static Result Maximize(Objective objective, IReadOnlyList<double[]> starts, double lowerLog, double upperLog, int maximumIterations)
    {
        var dimension = starts[0].Length;
        var lower = Vector<double>.Build.Dense(dimension, lowerLog);
        var upper = Vector<double>.Build.Dense(dimension, upperLog);
        var function = ObjectiveFunction.Gradient(v =>
        {
            var gradient = new double[dimension];
            var value = objective(v.AsArray() ?? v.ToArray(), gradient);
            // Minimise the negative; a non-finite value (an overflow at an extreme trial point) is made a steep wall
            // so the line search backs off instead of failing.
            if (!double.IsFinite(value) || gradient.Any(g => !double.IsFinite(g)))
                return (1e300, Vector<double>.Build.Dense(dimension));
            return (-value, Vector<double>.Build.Dense(gradient.Select(g => -g).ToArray()));
        });

        var outcomes = new List<FitStart>();
        double[]? best = null;
        var bestValue = double.NegativeInfinity;
        foreach (var start in starts)
        {
            var from = start.Select(s => Math.Clamp(s, lowerLog, upperLog)).ToArray();
            try
            {
                var minimizer = new BfgsBMinimizer(1e-10, 1e-12, 1e-14, maximumIterations);
                var result = minimizer.FindMinimum(function, lower, upper, Vector<double>.Build.Dense(from));
                var point = result.MinimizingPoint.ToArray();
                var gradient = new double[dimension];
                var value = objective(point, gradient);
                var slope = Slope(point, gradient, lowerLog, upperLog);
                var converged = double.IsFinite(value) && slope <= GradientTolerance;
                var exit = converged
                    ? result.ReasonForExit.ToString()
                    : $"stopped ({result.ReasonForExit}) where the log-likelihood still slopes by {slope:G3}";
                outcomes.Add(new FitStart(Array.ConvertAll(from, Math.Exp), converged, exit, value, result.Iterations));
                if (converged && value > bestValue)
                    (best, bestValue) = (point, value);
            }
            catch (OptimizationException e)
            {
                outcomes.Add(new FitStart(Array.ConvertAll(from, Math.Exp), false, e.Message, double.NaN, maximumIterations));
            }
        }

        if (best is null)
            return new Result([], double.NaN, false,
                "no start converged: " + string.Join("; ", outcomes.Select((o, i) => $"start {i + 1}: {o.Exit}")), outcomes);
        return new Result(best, bestValue, true, null, outcomes);
    }

    /// <summary>True when a log-parameter sits at the edge of the box (the data pushed it there).</summary>
    public static bool AtBound(double logParameter, double lowerLog, double upperLog) =>
        logParameter <= lowerLog + 1e-3 || logParameter >= upperLog - 1e-3;

    // The largest gradient component that could still be climbed: one pressing against a bound it sits on does not count.
    private static double Slope(double[] point, double[] gradient, double lowerLog, double upperLog)
    {
        var slope = 0.0;
        for (var i = 0; i < point.Length; i++)
        {
            var g = gradient[i];
            if ((point[i] <= lowerLog + 1e-9 && g < 0) || (point[i] >= upperLog - 1e-9 && g > 0))
                continue;
            slope = Math.Max(slope, Math.Abs(g));
        }
        return double.IsFinite(slope) ? slope : double.PositiveInfinity;
    }
}
