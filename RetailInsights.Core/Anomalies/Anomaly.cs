namespace RetailInsights.Core.Anomalies;

/// <summary>A day whose value departs from its trailing window: the value, what the window expected, and by how much.</summary>
public sealed record Anomaly(string Key, DateOnly Date, decimal Value, decimal Expected, double RobustZ)
{
    public bool IsHigh => Value > Expected;
}
