namespace RetailInsights.Core.Generation;

/// <summary>A customer of the simulation: active between two day indexes, visiting in proportion to its weight.</summary>
internal sealed record GeneratedCustomer(
    int Id, CustomerPersona Persona, double VisitWeight, int FirstDay, int LastDay, int HomeStore, double BiggerBasketChance);
