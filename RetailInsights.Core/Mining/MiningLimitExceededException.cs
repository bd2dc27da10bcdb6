namespace RetailInsights.Core.Mining;

/// <summary>Mining stopped at a cap before it could exhaust memory or time; the message names the cause and the way out.</summary>
public sealed class MiningLimitExceededException(string cause, string message) : Exception(message)
{
    /// <summary>"itemsets", "rules" or "time".</summary>
    public string Cause { get; } = cause;
}
