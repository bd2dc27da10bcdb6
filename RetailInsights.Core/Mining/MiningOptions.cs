namespace RetailInsights.Core.Mining;

/// <summary>Thresholds and the caps that keep a low support from exploding into hundreds of millions of itemsets.</summary>
public sealed record MiningOptions
{
    /// <summary>Share of baskets an itemset must appear in (arules' supp).</summary>
    public double MinSupport { get; init; } = 0.005;

    /// <summary>Share of the antecedent's baskets that also hold the consequent (arules' conf).</summary>
    public double MinConfidence { get; init; } = 0.05;

    /// <summary>Rules are kept when their lift is above this; null keeps every rule (as arules does).</summary>
    public double? MinLift { get; init; } = 1.0;

    /// <summary>Largest itemset, antecedent and consequent together (arules' maxlen).</summary>
    public int MaxItemsetSize { get; init; } = 10;

    /// <summary>Largest consequent; 1 gives arules' rules (one item on the right).</summary>
    public int MaxConsequentSize { get; init; } = 1;

    public long MaxItemsets { get; init; } = 2_000_000;

    public long MaxRules { get; init; } = 1_000_000;

    /// <summary>How long mining may take before it stops with a message (configuration: "00:05:00").</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
