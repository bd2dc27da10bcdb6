namespace RetailInsights.Core.Generation;

/// <summary>Draws indexes in proportion to their weights by binary search over cumulative sums.</summary>
internal sealed class WeightedSampler
{
    private readonly double[] _cumulative;

    public WeightedSampler(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
            _cumulative[i] = sum += weights[i];
    }

    public bool IsEmpty => _cumulative.Length == 0 || _cumulative[^1] <= 0;

    public int Next(Random random)
    {
        var roll = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, roll);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
