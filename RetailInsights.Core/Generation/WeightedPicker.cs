namespace RetailInsights.Core.Generation;

/// <summary>Picks indexes in proportion to fixed weights by binary search over their running sums.</summary>
internal sealed class WeightedPicker
{
    private readonly double[] _cumulative;

    public WeightedPicker(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        double sum = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum;
        }
        if (!(sum > 0))
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
    }

    public int Count => _cumulative.Length;

    public int Pick(Random random) => PickFrom(_cumulative, _cumulative.Length, random);

    /// <summary>Picks from the first <paramref name="count"/> running sums of <paramref name="cumulative"/>.</summary>
    public static int PickFrom(double[] cumulative, int count, Random random)
    {
        var target = random.NextDouble() * cumulative[count - 1];
        int low = 0, high = count - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (cumulative[middle] > target)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
}
