namespace RetailInsights.Core.Generation;

/// <summary>
/// A rule the generator plants: a sale basket holding <paramref name="Antecedent"/> gets <paramref name="Consequent"/>
/// added with <paramref name="Probability"/>, so basket mining should find that confidence.
/// </summary>
public sealed record PlantedAssociation(string Antecedent, string Consequent, double Probability);
