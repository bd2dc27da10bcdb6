using System.Globalization;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Dashboards.Baskets;

/// <summary>How a rule reads to people who place shelves and plan bundles: in plain words, and its figures.</summary>
public static class RuleWords
{
    /// <summary>"Baskets with A also hold B in 62% of cases, 3.4× more often than chance."</summary>
    public static string Reading(RunRule rule) =>
        $"Baskets with {rule.AntecedentNames} also hold {rule.ConsequentNames} in {Share(rule.Confidence)} of cases, {Chance(rule.Lift)}.";

    public static string Chance(double lift) => lift switch
    {
        >= 1.05 => $"{Times(lift)} more often than chance",
        > 0.95 => "about as often as chance",
        _ => $"only {Times(lift)} as often as chance",
    };

    /// <summary>A share as people say it: 62%, 4.5%, 0.52%.</summary>
    public static string Share(double share) => (share * 100) switch
    {
        >= 10 => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        >= 1 => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        _ => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
    };

    public static string Times(double lift) => lift.ToString("0.0", CultureInfo.InvariantCulture) + "×";

    public static string Conviction(double conviction) =>
        double.IsPositiveInfinity(conviction) ? "∞" : conviction.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Arrow(RunRule rule) => $"{rule.AntecedentNames} → {rule.ConsequentNames}";
}
