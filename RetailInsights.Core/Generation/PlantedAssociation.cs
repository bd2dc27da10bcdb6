namespace RetailInsights.Core.Generation;

/// <summary>
/// A rule the generator plants: when <see cref="Antecedent"/> is in a basket, <see cref="Consequent"/> is added with
/// <see cref="Probability"/> — and enters such baskets no other way, so the rule's confidence is that probability.
/// </summary>
public sealed record PlantedAssociation(string Antecedent, string Consequent, double Probability);
