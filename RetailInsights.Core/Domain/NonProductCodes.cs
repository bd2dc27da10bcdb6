namespace RetailInsights.Core.Domain;

/// <summary>
/// Stock codes that are not goods (postage, fees, adjustments). Their lines are kept but flagged so that
/// basket mining and RFM can leave them out; the list is what real Online Retail files and our generator hold.
/// </summary>
public static class NonProductCodes
{
    /// <summary>The generator's admin-fee codes (a minimarket's bill-payment and top-up fees).</summary>
    public static readonly IReadOnlyList<string> GeneratorAdminFees = ["ADMIN-FEE", "TOPUP-FEE"];

    /// <summary>Codes that are non-product whatever their case.</summary>
    public static readonly IReadOnlyList<string> ExactCodes =
        ["POST", "DOT", "M", "BANK CHARGES", "AMAZONFEE", "ADJUST", "ADJUST2", "D", "CRUK", "C2", "S", "PADS", "B",
         .. GeneratorAdminFees];

    /// <summary>Prefixes of families of non-product codes (gift vouchers, test lines, Amazon charges), any case.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["DCGS", "TEST", "GIFT_", "AMAZON"];

    private static readonly HashSet<string> Exact = new(ExactCodes, StringComparer.OrdinalIgnoreCase);

    public static bool IsNonProduct(string stockCode)
    {
        var code = stockCode.Trim();
        return Exact.Contains(code) || Prefixes.Any(p => code.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
