namespace RetailInsights.Core.Clustering;

/// <summary>
/// K-means with k-means++ starts, Lloyd iterations, then Hartigan's single-point moves (a point moves when that lowers
/// the total within-cluster sum of squares, counting how the move shifts both centroids) — the refinement that R's
/// default Hartigan-Wong algorithm makes, and that plain Lloyd misses. Own code rather than ML.NET: its trainer offers
/// neither the Hartigan step nor control over restarts, and the reference quality bar is R's.
/// </summary>
public static class KMeansClusterer
{
    public static KMeansModel Fit(double[][] points, int k, KMeansOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KMeansOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, points.Length);
        // Each start has its own seed, so starts run in parallel and the result does not depend on scheduling.
        var models = new KMeansModel[options.Restarts];
        Parallel.For(0, options.Restarts, new ParallelOptions { CancellationToken = cancellationToken }, restart =>
        {
            // Not HashCode.Combine: it is seeded per process, and the same data must give the same clusters tomorrow.
            var random = new Random(unchecked(options.Seed + 7919 * k + 104_729 * restart));
            models[restart] = Refine(points, PlusPlusCentroids(points, k, random), options.MaxIterations);
        });
        var best = models[0];
        foreach (var model in models)
            if (model.WithinSumOfSquares < best.WithinSumOfSquares - 1e-12)
                best = model;
        return best;
    }

    private static double[][] PlusPlusCentroids(double[][] points, int k, Random random)
    {
        var n = points.Length;
        var centroids = new double[k][];
        centroids[0] = (double[])points[random.Next(n)].Clone();
        var nearest = new double[n];
        for (var i = 0; i < n; i++)
            nearest[i] = SquaredDistance(points[i], centroids[0]);
        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            for (var i = 0; i < n; i++)
                total += nearest[i];
            var roll = random.NextDouble() * total;
            var chosen = n - 1;
            for (var i = 0; i < n; i++)
            {
                roll -= nearest[i];
                if (roll <= 0)
                {
                    chosen = i;
                    break;
                }
            }
            centroids[c] = (double[])points[chosen].Clone();
            for (var i = 0; i < n; i++)
                nearest[i] = Math.Min(nearest[i], SquaredDistance(points[i], centroids[c]));
        }
        return centroids;
    }

    private static KMeansModel Refine(double[][] points, double[][] centroids, int maxIterations)
    {
        var n = points.Length;
        var k = centroids.Length;
        var d = points[0].Length;
        var assignments = new int[n];
        Array.Fill(assignments, -1);
        var sizes = new int[k];

        // Lloyd: assign to the nearest centroid, move centroids to their means, until nothing moves.
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var moved = false;
            for (var i = 0; i < n; i++)
            {
                var nearest = Nearest(points[i], centroids);
                if (nearest != assignments[i])
                {
                    assignments[i] = nearest;
                    moved = true;
                }
            }
            Recentre(points, assignments, centroids, sizes);
            if (!moved)
                break;
        }

        // Hartigan: move single points while that lowers the total sum of squares.
        for (var pass = 0; pass < maxIterations; pass++)
        {
            var moved = false;
            for (var i = 0; i < n; i++)
            {
                var from = assignments[i];
                if (sizes[from] <= 1)
                    continue;
                var removal = sizes[from] / (sizes[from] - 1.0) * SquaredDistance(points[i], centroids[from]);
                var bestGain = 0.0;
                var to = -1;
                for (var c = 0; c < k; c++)
                {
                    if (c == from)
                        continue;
                    var addition = sizes[c] / (sizes[c] + 1.0) * SquaredDistance(points[i], centroids[c]);
                    if (removal - addition > bestGain + 1e-12)
                    {
                        bestGain = removal - addition;
                        to = c;
                    }
                }
                if (to < 0)
                    continue;
                for (var j = 0; j < d; j++)
                {
                    centroids[from][j] = (centroids[from][j] * sizes[from] - points[i][j]) / (sizes[from] - 1);
                    centroids[to][j] = (centroids[to][j] * sizes[to] + points[i][j]) / (sizes[to] + 1);
                }
                sizes[from]--;
                sizes[to]++;
                assignments[i] = to;
                moved = true;
            }
            if (!moved)
                break;
        }
        Recentre(points, assignments, centroids, sizes);
        var wss = 0.0;
        for (var i = 0; i < n; i++)
            wss += SquaredDistance(points[i], centroids[assignments[i]]);
        return new KMeansModel(centroids, assignments, wss);
    }

    private static void Recentre(double[][] points, int[] assignments, double[][] centroids, int[] sizes)
    {
        var d = points[0].Length;
        Array.Clear(sizes);
        var sums = new double[centroids.Length, d];
        for (var i = 0; i < points.Length; i++)
        {
            sizes[assignments[i]]++;
            for (var j = 0; j < d; j++)
                sums[assignments[i], j] += points[i][j];
        }
        for (var c = 0; c < centroids.Length; c++)
            if (sizes[c] > 0)
                for (var j = 0; j < d; j++)
                    centroids[c][j] = sums[c, j] / sizes[c];
    }

    internal static int Nearest(double[] point, double[][] centroids)
    {
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var c = 0; c < centroids.Length; c++)
        {
            var distance = SquaredDistance(point, centroids[c]);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    internal static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
