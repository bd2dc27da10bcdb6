namespace RetailInsights.Core.Mining;

/// <summary>
/// Antecedent → consequent with the usual measures. Support is the share of baskets holding both sides;
/// confidence P(consequent | antecedent); lift confidence / P(consequent); leverage P(both) − P(antecedent)P(consequent);
/// conviction (1 − P(consequent)) / (1 − confidence), infinite when confidence is 1.
/// </summary>
public sealed record AssociationRule(
    int[] Antecedent,
    int[] Consequent,
    int Count,
    int AntecedentCount,
    int ConsequentCount,
    double Support,
    double Confidence,
    double Lift,
    double Leverage,
    double Conviction);
