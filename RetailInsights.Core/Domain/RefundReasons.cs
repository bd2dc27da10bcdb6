namespace RetailInsights.Core.Domain;

/// <summary>The reason codes a refund carries; the first five come from refund files, the last from C-invoices.</summary>
public static class RefundReasons
{
    public const string Defective = "defective";
    public const string WrongItem = "wrong_item";
    public const string NotAsDescribed = "not_as_described";
    public const string ChangedMind = "changed_mind";
    public const string DamagedShipping = "damaged_shipping";

    /// <summary>A return that arrived as a cancelled (C-prefixed) invoice rather than through a refund file.</summary>
    public const string CancelledInvoice = "cancelled_invoice";

    public static readonly IReadOnlyList<string> FromRefundFiles =
        [Defective, WrongItem, NotAsDescribed, ChangedMind, DamagedShipping];

    public static readonly IReadOnlyList<string> All = [.. FromRefundFiles, CancelledInvoice];
}
