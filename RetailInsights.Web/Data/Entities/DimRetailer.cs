namespace RetailInsights.Web.Data.Entities;

/// <summary>The source system a file came from (a store chain's POS, an online shop export…).</summary>
public sealed class DimRetailer
{
    public int RetailerId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}
