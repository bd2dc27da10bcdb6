namespace RetailInsights.Core.Segmentation;

/// <summary>
/// The segment grid, written once and shown in the UI: recency score (R) against the mean of the frequency and
/// monetary scores, rounded up (FM). The cells partition the 5 × 5 grid, so every customer gets exactly one segment.
/// </summary>
public static class RfmSegmentRules
{
    public static readonly IReadOnlyList<RfmSegment> Table =
    [
        new("Champions", 4, 5, 4, 5, "Bought recently, buy often and spend the most.", "Reward them; early access to new products; ask for reviews."),
        new("Loyal Customers", 3, 3, 4, 5, "Buy often and spend well, a little less recently than Champions.", "Loyalty programme, upsell higher-value products."),
        new("Potential Loyalists", 4, 5, 2, 3, "Recent customers with average frequency and spend.", "Membership offers and bundles that build the habit."),
        new("New Customers", 5, 5, 1, 1, "Bought for the first time very recently.", "Welcome them; onboarding offers for the second visit."),
        new("Promising", 4, 4, 1, 1, "Recent first-time or light shoppers.", "Build awareness; small incentives to come back."),
        new("Needs Attention", 3, 3, 3, 3, "Average on every count, starting to drift.", "Limited-time offers based on what they bought."),
        new("About to Sleep", 3, 3, 1, 2, "Below average and drifting away.", "Reconnect with popular products and discounts."),
        new("At Risk", 1, 2, 3, 4, "Used to buy often and spend well, but not for a long time.", "Personal win-back messages and renewals."),
        new("Can't Lose Them", 1, 2, 5, 5, "Were among the best customers, long gone quiet.", "Win them back with the best offers; talk to them."),
        new("Hibernating", 2, 2, 1, 2, "Last bought long ago, seldom and for little.", "Offer relevant products and special discounts."),
        new("Lost", 1, 1, 1, 2, "Lowest recency, frequency and spend.", "Revive with a campaign, otherwise leave them out."),
    ];

    public static RfmSegment For(int r, int fm) =>
        Table.FirstOrDefault(s => s.Matches(r, fm))
        ?? throw new InvalidOperationException($"No segment covers R={r}, FM={fm}: the grid must cover 1–5 × 1–5.");
}
