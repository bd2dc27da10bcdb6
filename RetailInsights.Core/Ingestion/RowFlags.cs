namespace RetailInsights.Core.Ingestion;

/// <summary>What a kept line is, besides a plain sale: classification, not rejection.</summary>
[Flags]
public enum RowFlags
{
    None = 0,

    /// <summary>No customer id: counts for baskets, not for RFM.</summary>
    NoCustomer = 1,

    /// <summary>A C-prefixed invoice or a negative quantity: a return, loaded as a refund.</summary>
    Return = 2,

    /// <summary>Postage, fees, adjustments: kept for revenue, left out of baskets and RFM.</summary>
    NonProduct = 4,

    /// <summary>Sold at price zero (promotions, samples).</summary>
    ZeroPrice = 8,
}
