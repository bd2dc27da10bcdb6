namespace RetailInsights.Web.Data.Entities;

/// <summary>An association rule found by a run, with item codes and the names shown to people.</summary>
public sealed class RunRule
{
    public long RunId { get; set; }
    public int RuleNo { get; set; }
    public required string[] Antecedent { get; set; }
    public required string[] Consequent { get; set; }
    public required string AntecedentNames { get; set; }
    public required string ConsequentNames { get; set; }
    public double Support { get; set; }
    public double Confidence { get; set; }
    public double Lift { get; set; }
    public double Leverage { get; set; }

    /// <summary>Infinity when every antecedent basket holds the consequent.</summary>
    public double Conviction { get; set; }
    public int Count { get; set; }
    public int AntecedentCount { get; set; }
    public int ConsequentCount { get; set; }

    /// <summary>
    /// A more general rule of the run (a proper subset of the antecedent, the same consequent) is at least as confident
    /// (arules' is.redundant); null for runs stored before rules were assessed.
    /// </summary>
    public bool? IsRedundant { get; set; }

    /// <summary>For a redundant rule, the rule number of a general rule that makes it so.</summary>
    public int? GeneralRuleNo { get; set; }
}
