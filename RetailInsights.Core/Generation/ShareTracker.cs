namespace RetailInsights.Core.Generation;

/// <summary>
/// Turns a target share of all lines into a probability for the lines that may carry the trait, using the running
/// count of both, so that the share comes out right whatever fraction of lines is eligible.
/// </summary>
internal sealed class ShareTracker(double share)
{
    private long _lines;
    private long _eligible;

    public void CountLine() => _lines++;

    /// <summary>Counts one eligible line and decides whether it gets the trait.</summary>
    public bool DrawEligible(Random random)
    {
        _eligible++;
        var probability = _lines == 0 ? share : Math.Min(1.0, share * _lines / _eligible);
        return random.NextDouble() < probability;
    }
}
