namespace RetailInsights.Web.Data.Entities;

public sealed class DimCustomer
{
    public int CustomerId { get; set; }

    /// <summary>The id the source system gave the customer (normalized: "13085.0" becomes "13085").</summary>
    public required string CustomerCode { get; set; }
    public string? Country { get; set; }
}
