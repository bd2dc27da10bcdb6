using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Dashboards.Baskets;

/// <summary>How many rules pass the view's thresholds: shown, and hidden as redundant (null: the run was not assessed).</summary>
public sealed record RuleCounts(long Shown, long? HiddenRedundant);

/// <summary>The lift range of a run's rules, for the slider.</summary>
public sealed record LiftRange(double Min, double Max);

/// <summary>A product the run's rules name, with how many rules hold it on each side.</summary>
public sealed record RuleProduct(string StockCode, string Name, int AntecedentRules, int ConsequentRules)
{
    public string Label => Name == StockCode ? StockCode : $"{Name} ({StockCode})";
}

/// <summary>Rules with a product on one side, the first few by lift, and how many there are in all.</summary>
public sealed record ProductRules(IReadOnlyList<RunRule> Rules, long Total);

/// <summary>"Bought with…" a product: what its buyers also take (it on the left), and what leads to it (it on the right).</summary>
public sealed record BoughtWith(RuleProduct Product, ProductRules AlsoTaken, ProductRules LeadingToIt);

/// <summary>One sort the rules grid may ask for, in SQL from a fixed list.</summary>
public sealed record RuleSort(string Column, bool Descending);

/// <summary>One earlier (or this) run, and the rule's figures in it; null figures when the run did not find the rule.</summary>
public sealed record RuleInRun(long RunId, DateOnly AsOf, int Baskets, double MinSupport, double MinConfidence, RunRule? Rule);

/// <summary>A rule with what makes it read well: the run's basket count, the general rule that makes it redundant, its history.</summary>
public sealed record RuleDetail(RunRule Rule, int Baskets, RunRule? General, IReadOnlyList<RuleInRun> History);
