namespace RetailInsights.Core.Generation;

/// <summary>How a generated customer shops, so that RFM segmentation finds loyal through lapsed customers.</summary>
internal enum CustomerPersona
{
    /// <summary>Buys several times a week with big baskets, over the whole period.</summary>
    Champion,

    /// <summary>Buys about weekly.</summary>
    Regular,

    /// <summary>Buys now and then.</summary>
    Occasional,

    /// <summary>First buys in the last weeks.</summary>
    New,

    /// <summary>Buys regularly, then stops partway through.</summary>
    Lapsed,
}
