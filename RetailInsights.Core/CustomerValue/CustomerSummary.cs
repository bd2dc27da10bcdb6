namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// A customer's purchase history as of a calibration end D, in the terms the models take (times in weeks):
/// <paramref name="X"/> repeat occasions (occasions before D minus the first), <paramref name="Tx"/> weeks from the
/// first to the last occasion, <paramref name="T"/> weeks from the first occasion to D, <paramref name="Zbar"/> the
/// mean spend of the repeat occasions (0 when X = 0).
/// </summary>
public sealed record CustomerSummary(string CustomerId, int X, double Tx, double T, double Zbar);
