namespace RetailInsights.Web.Data.Entities;

/// <summary>A product that appears in a run's rules, with its name as the run stored it and how many rules hold it on each side.</summary>
public sealed class RunRuleProduct
{
    public long RunId { get; set; }
    public required string StockCode { get; set; }
    public required string Name { get; set; }
    public int AntecedentRules { get; set; }
    public int ConsequentRules { get; set; }
}
